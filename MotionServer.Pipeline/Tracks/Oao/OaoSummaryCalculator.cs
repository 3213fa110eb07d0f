using System.Buffers;
using System.Runtime.InteropServices;

namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// Derives a log's summary from its GNSS frames, exactly as §9 says: every frame in file order, no quality filter.
/// Best 1 s, 2 s and 10 s: the mean speed of N = k·f consecutive frames, truncated to mm/s. Best 500 m (and
/// 1000 m, 1852 m): over the cumulative Doppler distance D, for each end frame the latest start with
/// D(i) − D(j) ≥ the distance, speed (D(i) − D(j)) / (tᵢ − tⱼ) truncated. Best tables hold the top 5 windows that do
/// not overlap one another (ties: the earliest), stamped with the whole second of the window's end.
/// </summary>
internal static class OaoSummaryCalculator
{
    /// <summary>Entries in a best table.</summary>
    public const int TableEntries = OaoHeaderLayout.BestEntries;

    /// <summary>12 knots, in mm/s × 3600 (the exact threshold of <see cref="OaoSummary.Above12KnotsMeanSpeed"/>).</summary>
    private const long TwelveKnotsMillimetresPerHour = 12L * 1_852_000;

    /// <summary>Summarises frames in memory.</summary>
    /// <param name="frames">GNSS frames in file order.</param>
    /// <param name="frequencyHz">The header's frequency; 0 to derive it from the median spacing of the frames.</param>
    public static OaoSummary Calculate(ReadOnlySpan<OaoGnssFrame> frames, int frequencyHz = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frequencyHz);
        var (frequency, period) = OaoSampleRate.Resolve(frames, frequencyHz);
        if (frames.IsEmpty)
        {
            return new OaoSummary { FrequencyHz = frequency, SamplePeriod = period };
        }

        long[] cumulative = ArrayPool<long>.Shared.Rent(frames.Length);
        try
        {
            var distance = cumulative.AsSpan(0, frames.Length);
            var summary = Scalars(frames, distance, frequency, period);
            return summary with
            {
                BestsOver1s = OaoBestWindows.OverCount(frames, frequency),
                BestsOver2s = OaoBestWindows.OverCount(frames, 2 * frequency),
                BestsOver10s = OaoBestWindows.OverCount(frames, 10 * frequency),
                BestsOver500m = OaoBestWindows.OverDistance(frames, distance, 500_000),
                BestsOver1000m = OaoBestWindows.OverDistance(frames, distance, 1_000_000),
                BestsOver1852m = OaoBestWindows.OverDistance(frames, distance, 1_852_000),
            };
        }
        finally
        {
            ArrayPool<long>.Shared.Return(cumulative);
        }
    }

    /// <summary>Summarises a list of frames.</summary>
    /// <param name="frames">GNSS frames in file order.</param>
    /// <param name="frequencyHz">The header's frequency; 0 to derive it from the median spacing of the frames.</param>
    public static OaoSummary Calculate(IReadOnlyList<OaoGnssFrame> frames, int frequencyHz = 0)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return frames switch
        {
            OaoGnssFrame[] array => Calculate(array.AsSpan(), frequencyHz),
            List<OaoGnssFrame> list => Calculate(CollectionsMarshal.AsSpan(list), frequencyHz),
            _ => Calculate(frames.ToArray().AsSpan(), frequencyHz),
        };
    }

    /// <summary>Summarises what a reader found, counting windows with the header's frequency when it has one.</summary>
    /// <param name="result">The reader's result.</param>
    public static OaoSummary Calculate(OaoReadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Calculate(result.Frames, result.Header?.FrequencyHz ?? 0);
    }

    /// <summary>Everything but the best tables; fills <paramref name="cumulative"/> with D(i) in mm·ms/s (µm).</summary>
    private static OaoSummary Scalars(ReadOnlySpan<OaoGnssFrame> frames, Span<long> cumulative, int frequency, long period)
    {
        var first = frames[0];
        var last = frames[^1];
        long total = 0;
        long maxSpeed = 0;
        int minAltitude = first.Altitude;
        int maxAltitude = first.Altitude;
        long fastCount = 0;
        long fastSum = 0;
        for (int i = 0; i < frames.Length; i++)
        {
            var frame = frames[i];
            if (i > 0)
            {
                // A clock going backwards adds nothing, so D never decreases.
                total += frame.Speed * Math.Max(0, frame.Utc - frames[i - 1].Utc);
            }

            cumulative[i] = total;
            maxSpeed = Math.Max(maxSpeed, frame.Speed);
            minAltitude = Math.Min(minAltitude, frame.Altitude);
            maxAltitude = Math.Max(maxAltitude, frame.Altitude);
            if (frame.Speed * 3600L > TwelveKnotsMillimetresPerHour)
            {
                fastCount++;
                fastSum += frame.Speed;
            }
        }

        return new OaoSummary
        {
            FrameCount = frames.Length,
            FrequencyHz = frequency,
            SamplePeriod = period,
            FirstFrameTime = first.Utc,
            LastFrameTime = last.Utc,
            StartDate = first.Utc - period,
            EndDate = last.Utc,
            StartPosition = new OaoPosition(first.Latitude, first.Longitude, first.Altitude),
            EndPosition = new OaoPosition(last.Latitude, last.Longitude, last.Altitude),
            Distance = total / 1000,
            MaxSpeed = maxSpeed,
            MinAltitude = minAltitude,
            MaxAltitude = maxAltitude,
            Above12KnotsMeanSpeed = fastCount == 0 ? 0 : fastSum / fastCount,
            Above12KnotsSeconds = frequency == 0 ? 0 : fastCount / frequency,
        };
    }
}
