using System.Buffers;

namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// The best tables of §9: the top windows, best first, none overlapping another (the device's own tie and overlap
/// rules are unknown; two entries one second apart were seen, which non-overlapping windows allow).
/// </summary>
internal static class OaoBestWindows
{
    /// <summary>Windows of <paramref name="count"/> consecutive frames; value = mean speed, truncated.</summary>
    public static OaoBest[] OverCount(ReadOnlySpan<OaoGnssFrame> frames, int count)
    {
        if (count <= 0 || count > frames.Length)
        {
            return [];
        }

        int windows = frames.Length - count + 1;
        long[] rented = ArrayPool<long>.Shared.Rent(windows);
        try
        {
            // sums[s] = Σ speeds of frames s .. s + count − 1; −1 marks a window taken or overlapping one taken.
            var sums = rented.AsSpan(0, windows);
            long sum = 0;
            for (int i = 0; i < count; i++)
            {
                sum += frames[i].Speed;
            }

            sums[0] = sum;
            for (int s = 1; s < windows; s++)
            {
                sum += frames[s + count - 1].Speed - (long)frames[s - 1].Speed;
                sums[s] = sum;
            }

            var table = new List<OaoBest>(OaoSummaryCalculator.TableEntries);
            while (table.Count < OaoSummaryCalculator.TableEntries)
            {
                int best = IndexOfMax(sums);
                if (best < 0)
                {
                    break;
                }

                table.Add(Entry(frames[best + count - 1].Utc, sums[best] / count));
                sums[Math.Max(0, best - count + 1)..Math.Min(windows, best + count)].Fill(-1);
            }

            return [.. table];
        }
        finally
        {
            ArrayPool<long>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Windows covering at least <paramref name="millimetres"/> of Doppler distance: for each end frame i the latest
    /// start j with D(i) − D(j) ≥ the distance; value = (D(i) − D(j)) / (tᵢ − tⱼ), truncated.
    /// </summary>
    /// <param name="frames">The frames.</param>
    /// <param name="cumulative">D(i) in mm·ms/s (µm), never decreasing.</param>
    /// <param name="millimetres">The distance.</param>
    public static OaoBest[] OverDistance(ReadOnlySpan<OaoGnssFrame> frames, ReadOnlySpan<long> cumulative, long millimetres)
    {
        long threshold = millimetres * 1000;
        if (frames.Length < 2 || cumulative[^1] < threshold)
        {
            return [];
        }

        long[] rentedSpeeds = ArrayPool<long>.Shared.Rent(frames.Length);
        int[] rentedStarts = ArrayPool<int>.Shared.Rent(frames.Length);
        try
        {
            // speeds[i]: the window ending at i (−1: none, or taken); starts[i]: its start, never decreasing with i.
            var speeds = rentedSpeeds.AsSpan(0, frames.Length);
            var starts = rentedStarts.AsSpan(0, frames.Length);
            DistanceWindows(frames, cumulative, threshold, speeds, starts);
            return DistanceTable(frames, speeds, starts);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(rentedSpeeds);
            ArrayPool<int>.Shared.Return(rentedStarts);
        }
    }

    /// <summary>For each end frame, the speed of its window (−1 when none) and its start.</summary>
    private static void DistanceWindows(
        ReadOnlySpan<OaoGnssFrame> frames, ReadOnlySpan<long> cumulative, long threshold, Span<long> speeds, Span<int> starts)
    {
        int start = 0;
        for (int i = 0; i < frames.Length; i++)
        {
            speeds[i] = -1;
            starts[i] = start;
            if (cumulative[i] - cumulative[start] < threshold)
            {
                continue;
            }

            while (start + 1 < i && cumulative[i] - cumulative[start + 1] >= threshold)
            {
                start++;
            }

            starts[i] = start;
            long elapsed = frames[i].Utc - frames[start].Utc;
            if (elapsed > 0)
            {
                speeds[i] = (cumulative[i] - cumulative[start]) / elapsed;
            }
        }
    }

    /// <summary>The best windows by distance, best first, each taking out every window that overlaps it.</summary>
    private static OaoBest[] DistanceTable(ReadOnlySpan<OaoGnssFrame> frames, Span<long> speeds, ReadOnlySpan<int> starts)
    {
        var table = new List<OaoBest>(OaoSummaryCalculator.TableEntries);
        while (table.Count < OaoSummaryCalculator.TableEntries)
        {
            int best = IndexOfMax(speeds);
            if (best < 0)
            {
                break;
            }

            table.Add(Entry(frames[best].Utc, speeds[best]));

            // Windows overlapping [starts[best], best]: those ending at or after its start and starting at or before its end.
            for (int i = starts[best]; i < frames.Length && starts[i] <= best; i++)
            {
                speeds[i] = -1;
            }
        }

        return [.. table];
    }

    /// <summary>Index of the largest non-negative value (the first on ties), or −1.</summary>
    private static int IndexOfMax(ReadOnlySpan<long> values)
    {
        int index = -1;
        long max = -1;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] > max)
            {
                max = values[i];
                index = i;
            }
        }

        return index;
    }

    private static OaoBest Entry(long endUtc, long value) =>
        new((uint)Math.Clamp(endUtc / 1000, 0, uint.MaxValue), (uint)Math.Clamp(value, 0, uint.MaxValue));
}
