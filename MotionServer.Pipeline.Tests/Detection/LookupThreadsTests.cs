using MotionServer.Pipeline.Detection;

namespace MotionServer.Pipeline.Tests.Detection;

public class LookupThreadsTests
{
    [Fact]
    public async Task Run_RunsTheLookupOffTheThreadPool()
    {
        var threads = new LookupThreads();

        bool onPool = await threads.Run(() => Thread.CurrentThread.IsThreadPoolThread).WaitAsync(TimeSpan.FromSeconds(10));

        onPool.Should().BeFalse();
    }

    [Fact]
    public async Task Run_ManyBlockedLookups_HoldBackNoOther()
    {
        var threads = new LookupThreads();
        using var gate = new ManualResetEventSlim();
        var blocked = Enumerable.Range(0, 20).Select(_ => threads.Run(() => gate.Wait(TimeSpan.FromSeconds(30)))).ToArray();
        try
        {
            int answer = await threads.Run(() => 42).WaitAsync(TimeSpan.FromSeconds(10));

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
        var threads = new LookupThreads();

        var failing = () => threads.Run<int>(() => throw new InvalidOperationException("no"));

        await failing.Should().ThrowAsync<InvalidOperationException>().WithMessage("no");
    }
}
