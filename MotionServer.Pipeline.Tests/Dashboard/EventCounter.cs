namespace MotionServer.Pipeline.Tests.Dashboard;

/// <summary>Counts occurrences of something and lets a test await the n-th one, with a timeout (never a sleep).</summary>
internal sealed class EventCounter
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private int _count;

    public int Count
    {
        get { lock (_gate) { return _count; } }
    }

    public void Raise()
    {
        List<TaskCompletionSource> ready = [];
        lock (_gate)
        {
            _count++;
            foreach (var waiter in _waiters.Where(w => w.Count <= _count).ToList())
            {
                _waiters.Remove(waiter);
                ready.Add(waiter.Done);
            }
        }

        ready.ForEach(t => t.TrySetResult());
    }

    public void Handler(object? sender, EventArgs e) => Raise();

    /// <summary>Completes when <see cref="Count"/> reaches <paramref name="count"/>; fails after <see cref="Timeout"/>.</summary>
    public Task WaitForAsync(int count) => WaitForAsync(count, Timeout);

    /// <summary>Completes when <see cref="Count"/> reaches <paramref name="count"/>; fails with a <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public Task WaitForAsync(int count, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task.WaitAsync(timeout);
        }
    }
}

/// <summary>Polls a condition that no event announces (a file another process writes), with a timeout.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? EventCounter.Timeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {because}.");
            }

            await Task.Delay(25);
        }
    }
}
