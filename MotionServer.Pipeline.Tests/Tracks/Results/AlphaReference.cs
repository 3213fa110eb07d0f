using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Tests.Tracks.Results;

/// <summary>
/// Alpha 500 by its definition, with nothing passed over: for every end frame, every start of its segment still in
/// the history whose Doppler distance back is 250 to 500 m, within 50 m on the local plane at the end's latitude, and
/// earlier in time; the fastest, the earliest end and then the latest start on a tie.
/// </summary>
internal static class AlphaReference
{
    private const double MetresPerUnit = 6_371_008.8 * Math.PI / 180 / 1e7;

    /// <summary>The best alpha of history entries; <paramref name="segments"/> holds each entry's segment start.</summary>
    public static WindowSpeed? Best(IReadOnlyList<HistoryEntry> entries, IReadOnlyList<int> segments, int capacity)
    {
        WindowSpeed? best = null;
        for (int end = 0; end < entries.Count; end++)
        {
            int first = Math.Max(segments[end], end - capacity + 1);
            for (int start = end - 1; start >= first; start--)
            {
                if (Speed(entries[start], entries[end]) is { } speed && speed > (best?.Speed ?? 0))
                {
                    best = new WindowSpeed(speed, start, entries[start].Utc, entries[end].Utc);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The best alpha of frames, leaving out those <paramref name="leftOut"/> says; when <paramref name="segmented"/>,
    /// starting a segment (D from 0, no window across) after a spacing from the last frame kept above
    /// <paramref name="maximumGap"/> or below 0, as the rules do.
    /// </summary>
    public static WindowSpeed? OfFrames(OaoGnssFrame[] frames, Func<OaoGnssFrame, bool> leftOut, long maximumGap, bool segmented)
    {
        var accounting = new FigureAccounting(maximumGap, 0);
        var entries = new List<HistoryEntry>();
        var segments = new List<int>();
        long lastUtc = 0;
        foreach (var frame in frames.Where(frame => !leftOut(frame)))
        {
            long spacing = frame.Utc - lastUtc;
            bool starts = entries.Count == 0 || (segmented && (spacing > maximumGap || spacing < 0));
            entries.Add(accounting.Next(frame, starts));
            segments.Add(starts ? entries.Count - 1 : segments[^1]);
            lastUtc = frame.Utc;
        }

        return Best(entries, segments, int.MaxValue);
    }

    private static double? Speed(in HistoryEntry start, in HistoryEntry end)
    {
        long travelled = end.Distance - start.Distance;
        long elapsed = end.Utc - start.Utc;
        if (travelled < AlphaWindow.MinimumDistance * 1000 || travelled > AlphaWindow.MaximumDistance * 1000 || elapsed <= 0)
        {
            return null;
        }

        double cosine = Math.Cos(end.Latitude / 1e7 * Math.PI / 180);
        double north = (end.Latitude - start.Latitude) * MetresPerUnit;
        double east = (end.Longitude - (double)start.Longitude) * cosine * MetresPerUnit;
        return Math.Sqrt((north * north) + (east * east)) <= AlphaWindow.Proximity ? travelled / (double)elapsed : null;
    }
}
