using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Tests.Tracks.Results;

/// <summary>The path's search: the alpha search jumps back with it, so its answer must be exact.</summary>
public sealed class PositionPathTests
{
    [Fact]
    public void LatestBelow_AnswersAsAScanFromTheEnd_OnUnevenPaths()
    {
        var random = new Random(16);
        var path = new PositionPath(1024, new PassRings());
        int latitude = 0;
        for (int i = 0; i < 600; i++)
        {
            // Even steps, runs of standing still and sudden long steps.
            latitude += random.Next(4) switch { 0 => 0, 1 => random.Next(1, 500_000), _ => 200 };
            path.Add(i, new HistoryEntry(i * 200L, 0, 0, latitude, 0));
        }

        for (int query = 0; query < 5_000; query++)
        {
            long from = random.Next(0, 600);
            long to = random.Next((int)from - 1, 600);
            long target = random.NextInt64(path[0] - 1, path[599] + 2);
            path.LatestBelow(target, from, to).Should().Be(Scan(path, target, from, to), $"{target} in [{from}, {to}]");
        }
    }

    private static long Scan(PositionPath path, long below, long from, long to)
    {
        long latest = to;
        while (latest >= from && path[latest] >= below)
        {
            latest--;
        }

        return latest;
    }
}
