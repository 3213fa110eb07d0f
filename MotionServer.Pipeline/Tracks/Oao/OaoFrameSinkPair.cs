namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>Hands every frame to two sinks, first then second: two consumers fed by one pass.</summary>
internal sealed class OaoFrameSinkPair(IOaoFrameSink first, IOaoFrameSink second) : IOaoFrameSink
{
    public void OnHeader(OaoHeader header)
    {
        first.OnHeader(header);
        second.OnHeader(header);
    }

    public void OnGnssFrame(in OaoGnssFrame frame)
    {
        first.OnGnssFrame(in frame);
        second.OnGnssFrame(in frame);
    }
}
