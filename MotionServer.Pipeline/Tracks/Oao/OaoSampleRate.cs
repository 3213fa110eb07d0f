namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>The rate windows are counted with (§9): the header's frequency, or the median spacing of the frames.</summary>
internal static class OaoSampleRate
{
    /// <summary>
    /// The frequency in Hz and the sample period in ms. With a known frequency f the period is 1000 / f; otherwise
    /// the period is the median of the positive spacings and f = 1000 / period rounded (at least 1). Both are 0 when
    /// nothing tells the rate (no frequency and fewer than two distinct times).
    /// </summary>
    public static (int FrequencyHz, long Period) Resolve(ReadOnlySpan<OaoGnssFrame> frames, int frequencyHz)
    {
        if (frequencyHz > 0)
        {
            return (frequencyHz, 1000 / frequencyHz);
        }

        long median = MedianSpacing(frames);
        if (median <= 0)
        {
            return (0, 0);
        }

        int frequency = (int)Math.Max(1, Math.Round(1000.0 / median, MidpointRounding.AwayFromZero));
        return (frequency, median);
    }

    private static long MedianSpacing(ReadOnlySpan<OaoGnssFrame> frames)
    {
        if (frames.Length < 2)
        {
            return 0;
        }

        var spacings = new long[frames.Length - 1];
        int count = 0;
        for (int i = 1; i < frames.Length; i++)
        {
            long spacing = frames[i].Utc - frames[i - 1].Utc;
            if (spacing > 0)
            {
                spacings[count++] = spacing;
            }
        }

        if (count == 0)
        {
            return 0;
        }

        var positive = spacings.AsSpan(0, count);
        positive.Sort();
        return positive[count / 2];
    }
}
