namespace MotionServer.Pipeline.Tracks.Verification;

/// <summary>What is wrong with a track (see <see cref="TrackDefect"/>).</summary>
internal enum TrackDefectKind
{
    /// <summary>The file ends inside a frame: it was cut.</summary>
    Truncated = 0,

    /// <summary>A frame's checksum is wrong: a byte changed (the frame was not used).</summary>
    BadChecksum,

    /// <summary>Bytes that are no frame of any known mode lie between frames (or after an end marker, before more frames).</summary>
    UnknownBytes,

    /// <summary>The file holds no valid header frame.</summary>
    MissingHeader,

    /// <summary>The file does not begin with its header: GNSS frames come before it.</summary>
    MisplacedHeader,

    /// <summary>A figure of the file's own header disagrees with the one recomputed from its GNSS frames.</summary>
    HeaderMismatch,

    /// <summary>A figure the device announced in logs.json disagrees with the one recomputed from the GNSS frames.</summary>
    DeviceMismatch,

    /// <summary>The file could not be read at all.</summary>
    Unreadable,
}
