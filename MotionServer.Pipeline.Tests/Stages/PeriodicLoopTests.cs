using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Stages;

public sealed class PeriodicLoopTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly TimerWatchingClock _clock = new();
    private readonly CapturingLoggerProvider _log = new();
    private readonly CancellationTokenSource _stopping = new();

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _log.Dispose();
    }

    [Fact]
    public async Task Start_RunsARoundAtOnce_ThenTheNextOneIntervalAfterItEnded()
    {
        var rounds = new RoundLog(_clock, (_, _) => Task.CompletedTask);
        Start(rounds);

        var firstEnded = await rounds.Ended(1);
        var wait = await _clock.NextTimerAsync();

        wait.ArmedAt.Should().Be(firstEnded, "the wait starts when the round ends");
        wait.DueTime.Should().Be(Interval);
        _clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        rounds.Count.Should().Be(1, "the interval is not over");
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        (await rounds.Started(2)).Should().Be(firstEnded + Interval);
    }

    [Fact]
    public async Task Round_ThatOverrunsTheInterval_DelaysTheNextOne_InsteadOfOverlappingIt()
    {
        var slow = Gate();
        var rounds = new RoundLog(_clock, (n, _) => n == 1 ? slow.Task : Task.CompletedTask);
        Start(rounds);
        await rounds.Started(1);

        _clock.Advance(Interval * 3); // the first round takes three intervals
        rounds.Count.Should().Be(1, "no round starts while one runs");
        slow.SetResult();
        var firstEnded = await rounds.Ended(1);
        var wait = await _clock.NextTimerAsync();
        wait.Should().Be(new ArmedTimer(firstEnded, Interval), "the missed rounds are not caught up: the next one waits a whole interval");
        _clock.Advance(Interval);

        (await rounds.Started(2)).Should().Be(firstEnded + Interval);
        rounds.MostAtOnce.Should().Be(1);
    }

    [Theory]
    [InlineData("a fault", "InvalidOperationException: the roster is locked")]
    [InlineData("a timeout that is not the stop", "TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 5 seconds elapsing.")]
    public async Task Round_ThatThrows_IsLogged_AndTheLoopGoesOn(string failure, string logged)
    {
        var rounds = new RoundLog(_clock, (n, _) => n == 1 ? Task.FromException(failure switch
        {
            "a fault" => new InvalidOperationException("the roster is locked"),
            _ => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 5 seconds elapsing."),
        }) : Task.CompletedTask);
        var loop = Start(rounds);

        await rounds.Ended(1);
        (await _clock.NextTimerAsync()).DueTime.Should().Be(Interval);
        _clock.Advance(Interval);
        await rounds.Ended(2);

        _log.Lines.Should().Equal(new CapturingLoggerProvider.LogLine(LogLevel.Error, $"Detection round failed - {logged}"));
        loop.Completion.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task Stopping_WhileItWaits_EndsTheLoop_AndCompletionSucceeds()
    {
        var rounds = new RoundLog(_clock, (_, _) => Task.CompletedTask);
        var loop = Start(rounds);
        await rounds.Ended(1);
        await _clock.NextTimerAsync();

        await _stopping.CancelAsync();

        await loop.Completion.WaitAsync(Patience.Timeout);
        loop.Completion.IsCompletedSuccessfully.Should().BeTrue("a stop is not a failure of the loop");
        _clock.Advance(Interval * 2);
        rounds.Count.Should().Be(1);
        _log.Lines.Should().BeEmpty();
    }

    [Fact]
    public async Task Stopping_DuringARound_EndsTheRound_AndTheLoop_WithoutCallingItAFailure()
    {
        var never = Gate();
        var rounds = new RoundLog(_clock, (_, stopping) => never.Task.WaitAsync(stopping));
        var loop = Start(rounds);
        await rounds.Started(1);

        await _stopping.CancelAsync();

        await loop.Completion.WaitAsync(Patience.Timeout);
        loop.Completion.IsCompletedSuccessfully.Should().BeTrue();
        rounds.Count.Should().Be(1);
        _log.Lines.Should().BeEmpty("a round cut by the stop did not fail");
    }

    [Fact]
    public async Task Start_OnceStopping_RunsNoRound()
    {
        var rounds = new RoundLog(_clock, (_, _) => Task.CompletedTask);
        await _stopping.CancelAsync();

        var loop = Start(rounds);

        await loop.Completion.WaitAsync(Patience.Timeout);
        loop.Completion.IsCompletedSuccessfully.Should().BeTrue();
        rounds.Count.Should().Be(0);
    }

    private static TaskCompletionSource Gate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PeriodicLoop Start(RoundLog rounds)
    {
        var loop = new PeriodicLoop("Detection", Interval, rounds.RunAsync, _clock, _log.CreateLogger("PeriodicLoop"));
        loop.Start(_stopping.Token);
        return loop;
    }

    /// <summary>The loop's round: numbers each run, records when it started and ended (fake time), and how many ran at once.</summary>
    private sealed class RoundLog(TimeProvider time, Func<int, CancellationToken, Task> body)
    {
        private readonly ConcurrentDictionary<int, TaskCompletionSource<DateTimeOffset>> _started = new();
        private readonly ConcurrentDictionary<int, TaskCompletionSource<DateTimeOffset>> _ended = new();
        private int _count;
        private int _running;
        private int _mostAtOnce;

        public int Count => Volatile.Read(ref _count);

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        /// <summary>When round <paramref name="n"/> (from 1) started; fails if it does not within the clock's patience.</summary>
        public Task<DateTimeOffset> Started(int n) => Moment(_started, n).Task.WaitAsync(Patience.Timeout);

        /// <summary>When round <paramref name="n"/> ended, however it ended.</summary>
        public Task<DateTimeOffset> Ended(int n) => Moment(_ended, n).Task.WaitAsync(Patience.Timeout);

        public async Task RunAsync(CancellationToken stopping)
        {
            int n = Interlocked.Increment(ref _count);
            int running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _mostAtOnce, running);
            Moment(_started, n).TrySetResult(time.GetUtcNow());
            try
            {
                await body(n, stopping);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                Moment(_ended, n).TrySetResult(time.GetUtcNow());
            }
        }

        private static TaskCompletionSource<DateTimeOffset> Moment(ConcurrentDictionary<int, TaskCompletionSource<DateTimeOffset>> moments, int n) =>
            moments.GetOrAdd(n, _ => new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously));

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
