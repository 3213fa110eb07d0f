namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// Receives one file's frames in file order as a single streaming pass walks it, so that verification and the
/// results are computed in the same pass without holding the file or its frames: whatever a sink keeps must not grow
/// with the file (a bounded window at most).
/// </summary>
internal interface IOaoFrameSink
{
    /// <summary>A header frame with a valid checksum (a file may hold several; the first one usually comes first).</summary>
    void OnHeader(OaoHeader header);

    /// <summary>A GNSS frame with a valid checksum, in file order.</summary>
    void OnGnssFrame(in OaoGnssFrame frame);
}
