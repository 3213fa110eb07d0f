using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Results;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;
using static MotionServer.Pipeline.Tests.Results.ResultSamples;

namespace MotionServer.Pipeline.Tests.Results;

public sealed class ResultsStageTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TemporaryFolder _temp = new();
    private readonly EventFolder _folder;
    private readonly MotionRoster _roster = MotionRoster.Create([Row(801, "ABC", start: Day.AddDays(-1), end: Day)]);

    public ResultsStageTests() => _folder = new EventFolder(_temp.Path);

    public void Dispose() => _temp.Dispose();

    private ResultsStage Stage() => new(_folder, () => _roster, NullLogger.Instance);

    [Fact]
    public async Task Start_LedgersOnDisk_RebuildsEveryDayWithTracks_OnceEach()
    {
        SaveLedger(_folder, 801, Completed("ABC", 801, At(10), Outcome(20)), Completed("ABC", 801, At(10).AddDays(-1), Outcome(21)));
        using var stage = Stage();
        var rebuilt = new List<DateOnly>();
        stage.Rebuilt += (_, w) => rebuilt.Add(w.Date);

        stage.Start();
        await stage.StopAsync(Patience, TimeProvider.System);

        rebuilt.Should().Equal(Day.AddDays(-1), Day);
        File.Exists(_folder.DayResultsFile(Day.AddDays(-1), "csv")).Should().BeTrue();
        File.ReadAllText(_folder.DayResultsFile(Day, "csv")).Should().Contain("ABC,801,,,E801,Sailboard,1,1:00:00,10.00,20.00,");
    }

    [Fact]
    public async Task DayChanged_ABurstOfTracksOfOneDay_WhileADayIsRebuilt_IsOneMoreRebuild()
    {
        using var stage = Stage();
        var inFirstRebuild = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int rebuilds = 0;
        stage.Rebuilt += (_, _) =>
        {
            if (Interlocked.Increment(ref rebuilds) == 1)
            {
                inFirstRebuild.SetResult();
                release.Task.Wait(Patience); // holds the consumer while the burst comes in
            }
        };
        stage.DayChanged(Day);
        stage.Start();
        await inFirstRebuild.Task.WaitAsync(Patience);

        for (int i = 0; i < 100; i++)
        {
            stage.DayChanged(Day); // a burst of landings of one day while the consumer is busy
        }

        release.SetResult();
        await stage.StopAsync(Patience, TimeProvider.System);

        rebuilds.Should().Be(2, "the burst is one rebuild after the one in progress");
    }

    [Fact]
    public async Task DayChanged_LandingsSoonAfterARebuild_AreOneRebuild_NoSoonerThanTheSpacing()
    {
        var time = new FakeTimeProvider();
        var spacing = TimeSpan.FromMilliseconds(500);
        using var stage = new ResultsStage(_folder, () => _roster, NullLogger.Instance, time, spacing);
        var rebuiltAt = new ConcurrentQueue<DateTimeOffset>();
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stage.Rebuilt += (_, _) =>
        {
            rebuiltAt.Enqueue(time.GetUtcNow());
            if (rebuiltAt.Count == 2)
            {
                second.TrySetResult();
            }
        };
        stage.DayChanged(Day);
        stage.Start();
        await Until(() => rebuiltAt.Count == 1);
        var firstAt = rebuiltAt.Single();

        for (int i = 0; i < 3; i++)
        {
            stage.DayChanged(Day); // a rush: tracks landing just after the first rebuild
        }

        // The clock moves 10 ms at each look, as it would while the consumer waits (it arms its wait at any moment).
        await Until(() =>
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            return second.Task.IsCompleted;
        });
        await stage.StopAsync(Patience, TimeProvider.System);

        rebuiltAt.Should().HaveCount(2, "the three landings are one rebuild");
        rebuiltAt.Last().Should().BeOnOrAfter(firstAt + spacing, "a rebuild waits out the spacing since the last began");
    }

    [Fact]
    public async Task StopAsync_ADayDirtyWithinTheSpacing_IsRebuiltAtOnce()
    {
        var time = new FakeTimeProvider(); // never advanced: only the stop can end the spacing's wait
        using var stage = new ResultsStage(_folder, () => _roster, NullLogger.Instance, time, TimeSpan.FromMinutes(1));
        int rebuilds = 0;
        stage.Rebuilt += (_, _) => Interlocked.Increment(ref rebuilds);
        stage.DayChanged(Day);
        stage.Start();
        await Until(() => Volatile.Read(ref rebuilds) == 1);
        SaveLedger(_folder, 801, Completed("ABC", 801, At(9), Outcome(20)));

        stage.DayChanged(Day);
        await stage.StopAsync(Patience, TimeProvider.System).WaitAsync(Patience);

        rebuilds.Should().Be(2);
        File.ReadAllText(_folder.DayResultsFile(Day, "csv")).Should().Contain("ABC,801,,,E801,Sailboard,1,1:00:00,10.00,20.00,");
    }

    [Fact]
    public async Task DayChanged_WhileRunning_RebuildsTheDay_AndTheStopDrainsIt()
    {
        using var stage = Stage();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stage.Rebuilt += (_, _) => first.TrySetResult();
        SaveLedger(_folder, 801, Completed("ABC", 801, At(9), Outcome(20)));
        stage.Start();
        await first.Task.WaitAsync(Patience);

        SaveLedger(_folder, 801, Completed("ABC", 801, At(9), Outcome(20)), Completed("ABC", 801, At(15), Outcome(27.5)));
        stage.DayChanged(Day);
        await stage.StopAsync(Patience, TimeProvider.System);

        File.ReadAllText(_folder.DayResultsFile(Day, "csv")).Should().Contain("ABC,801,,,E801,Sailboard,2,2:00:00,20.00,27.50,");
    }

    [Fact]
    public async Task RosterChanged_WhileRunning_RebuildsEveryDayWithTracks_WithTheCorrectedRow()
    {
        var roster = _roster;
        using var stage = new ResultsStage(_folder, () => roster, NullLogger.Instance);
        var rebuilt = new List<DateOnly>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stage.Rebuilt += (_, w) =>
        {
            rebuilt.Add(w.Date);
            first.TrySetResult();
        };
        SaveLedger(_folder, 801, Completed("ABC", 801, At(10), Outcome(20)), Completed("ABC", 801, At(10).AddDays(-1), Outcome(21)));
        stage.Start();
        await first.Task.WaitAsync(Patience);

        roster = MotionRoster.Create([Row(801, "ABC", "Ann", "Smith", "Kite", start: Day.AddDays(-1), end: Day)]);
        stage.RosterChanged();
        await stage.StopAsync(Patience, TimeProvider.System);

        rebuilt.Should().Equal(Day.AddDays(-1), Day, Day.AddDays(-1), Day);
        File.ReadAllText(_folder.DayResultsFile(Day, "csv")).Should().Contain("ABC,801,Ann,Smith,E801,Kite,1,");
    }

    private static async Task Until(Func<bool> condition)
    {
        using var giveUp = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(5, giveUp.Token); // polls the consumer's thread; never waits for time to pass
        }
    }

    [Fact]
    public async Task DayChanged_AfterTheStop_IsIgnored_AndNeverThrows()
    {
        using var stage = Stage();
        stage.Start();
        await stage.StopAsync(Patience, TimeProvider.System);

        stage.Invoking(s => s.DayChanged(Day)).Should().NotThrow();
        File.Exists(_folder.DayResultsFile(Day, "csv")).Should().BeFalse();
    }
}
