namespace MotionServer.Emulator.Tracks;

/// <summary>A deliberate defect <see cref="TrackDamage"/> puts into a valid <c>.oao</c> file, as real logs can hold.</summary>
public enum TrackDamageKind
{
    /// <summary>One byte of a GNSS frame in the middle of the file inverted (its checksum no longer matches).</summary>
    FlippedByte = 0,

    /// <summary>The file cut in the middle of a frame near its end (a log cut while it was still recording).</summary>
    CutMidFrame,

    /// <summary>The header frame's checksum broken (its content intact).</summary>
    BadHeaderChecksum,

    /// <summary>Bytes of no known frame inserted between two GNSS frames in the middle of the file.</summary>
    UnknownBytes,
}
