namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>Kinds of trouble <see cref="OaoReader"/> reports instead of failing (§10).</summary>
internal enum OaoAnomalyKind
{
    /// <summary>The end marker <c>5D 7D</c> stopped the reading; the bytes from the marker on were ignored.</summary>
    TrailingBytes = 0,

    /// <summary>A frame with a wrong checksum was skipped.</summary>
    BadChecksum,

    /// <summary>Bytes that are not a valid frame were skipped up to the next valid frame (or the end).</summary>
    Resynchronised,

    /// <summary>The file ends inside a frame: the partial frame was not read.</summary>
    Truncated,
}
