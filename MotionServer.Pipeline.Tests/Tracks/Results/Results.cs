using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Tests.Tracks.Results;

/// <summary>Runs a <see cref="TrackResultsCalculator"/> over frames, as the streaming pass does.</summary>
internal static class Results
{
    public static TrackResults Of(IEnumerable<OaoGnssFrame> frames, int headerFrequency, ResultRules? rules = null)
    {
        var calculator = new TrackResultsCalculator(rules ?? ResultRules.Default);
        if (headerFrequency >= 0)
        {
            calculator.OnHeader(new OaoHeader { FrequencyHz = (byte)headerFrequency });
        }

        foreach (var frame in frames)
        {
            calculator.OnGnssFrame(frame);
        }

        return calculator.Finish();
    }

    public static TrackResults Of(SailingTrack track, ResultRules? rules = null) => Of(track.Build(), track.FrequencyHz, rules);

    /// <summary>m/s to knots.</summary>
    public static double Knots(double metresPerSecond) => metresPerSecond * 3600 / 1852;
}
