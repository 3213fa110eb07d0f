namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>Keeps every header and GNSS frame of a walk: for <see cref="OaoReader"/>, whose callers want them all.</summary>
/// <param name="expectedFrames">How many GNSS frames to make room for.</param>
internal sealed class OaoFrameCollector(int expectedFrames = 0) : IOaoFrameSink
{
    /// <summary>The valid headers, in file order.</summary>
    public List<OaoHeader> Headers { get; } = [];

    /// <summary>The valid GNSS frames, in file order.</summary>
    public List<OaoGnssFrame> Frames { get; } = new(expectedFrames);

    public void OnHeader(OaoHeader header) => Headers.Add(header);

    public void OnGnssFrame(in OaoGnssFrame frame) => Frames.Add(frame);
}
