using MotionServer.Pipeline.Detection;

namespace MotionServer.Pipeline.Tests.Detection;

public class LookupThreadsTests
{
    [Fact]
    public async Task Run_RunsTheLookupOffTheThreadPool()
    {
        var threads = new LookupThreads(maxThreads: 64);

        bool onPool = await threads.Run(() => Thread.CurrentThread.IsThreadPoolThread, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        onPool.Should().BeFalse();
    }

    [Fact]
    public async Task Run_TheAwaitersContinuation_RunsOnTheLookupThread()
    {
        // What follows a lookup runs where it ended, without a hop to the thread pool: the runtime runs a continuation
        // inline only where 128 KiB of stack are left, so the threads' stack must leave that much. The lookup is held
        // until the await is in place, so it cannot end before.
        var threads = new LookupThreads(maxThreads: 64);
        using var awaiting = new ManualResetEventSlim();
        var lookup = threads.Run(() => awaiting.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None);

        var continuedOn = ContinueAsync();
        awaiting.Set();

        (await continuedOn.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(LookupThreads.ThreadName);

        async Task<string?> ContinueAsync()
        {
            await lookup.ConfigureAwait(false);
            return Thread.CurrentThread.Name;
        }
    }

    [Fact]
    public async Task Run_ManyBlockedLookups_HoldBackNoOther()
    {
        var threads = new LookupThreads(maxThreads: 64);
        using var gate = new ManualResetEventSlim();
        var blocked = Enumerable.Range(0, 20).Select(_ => threads.Run(() => gate.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None)).ToArray();
        try
        {
            int answer = await threads.Run(() => 42, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

            answer.Should().Be(42);
            blocked.Should().OnlyContain(t => !t.IsCompleted, "they are still blocked");
        }
        finally
        {
            gate.Set();
            await Task.WhenAll(blocked).WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task Run_ALookupThatThrows_FailsItsTask()
    {
        var threads = new LookupThreads(maxThreads: 64);

        var failing = () => threads.Run<int>(() => throw new InvalidOperationException("no"), CancellationToken.None);

        await failing.Should().ThrowAsync<InvalidOperationException>().WithMessage("no");
    }

    [Fact]
    public async Task Run_EveryThreadBusy_QueuesTheLookup_AndDropsItUnstartedWhenGivenUp()
    {
        var threads = new LookupThreads(maxThreads: 2);
        using var gate = new ManualResetEventSlim();
        var blocked = Enumerable.Range(0, 2).Select(_ => threads.Run(() => gate.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None)).ToArray();
        using var giveUp = new CancellationTokenSource();
        bool started = false;
        try
        {
            var queued = threads.Run(() => started = true, giveUp.Token);
            var next = threads.Run(() => 7, CancellationToken.None);

            threads.Threads.Should().Be(2);
            queued.IsCompleted.Should().BeFalse("it waits for a thread");
            await giveUp.CancelAsync();
            var giving = () => queued.WaitAsync(TimeSpan.FromSeconds(10));
            await giving.Should().ThrowAsync<OperationCanceledException>();

            gate.Set();
            (await next.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(7);
            started.Should().BeFalse();
        }
        finally
        {
            gate.Set();
            await Task.WhenAll(blocked).WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
