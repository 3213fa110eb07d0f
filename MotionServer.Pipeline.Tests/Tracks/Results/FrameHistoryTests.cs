using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Tests.Tracks.Results;

/// <summary>The history's search by distance: the alpha search jumps back with it, so its answer must be exact.</summary>
public sealed class FrameHistoryTests
{
    [Fact]
    public void LatestAtOrBelow_AnswersAsAScanFromTheEnd_OnUnevenDistances()
    {
        var random = new Random(16);
        var history = new FrameHistory(5);
        long distance = 0;
        for (int i = 0; i < 600; i++)
        {
            // Even steps, runs of standing still and sudden long steps: what interpolation guesses worst.
            distance += random.Next(4) switch { 0 => 0, 1 => random.Next(1, 50_000_000), _ => 2_000_000 };
            history.Add(new HistoryEntry(i * 200L, distance, 0, 0, 0, 0));
        }

        for (int query = 0; query < 5_000; query++)
        {
            long from = random.Next(0, 600);
            long to = random.Next((int)from - 1, 600);
            long target = random.NextInt64(-1, distance + 2);
            history.LatestAtOrBelow(target, from, to).Should().Be(Scan(history, target, from, to), $"{target} in [{from}, {to}]");
        }
    }

    private static long Scan(FrameHistory history, long distance, long from, long to)
    {
        long latest = to;
        while (latest >= from && history[latest].Distance > distance)
        {
            latest--;
        }

        return latest;
    }
}
