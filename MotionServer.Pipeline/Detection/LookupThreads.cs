namespace MotionServer.Pipeline.Detection;

/// <summary>
/// Threads of their own for the operating system's name lookups, at most <c>maxThreads</c> (Detection:Lookups).
/// getaddrinfo blocks the thread that calls it (on Linux .NET runs it on a thread-pool thread,
/// dotnet/runtime#48566), so slow lookups run here and never starve the pool that runs everything else. A thread
/// starts when a lookup finds none idle and ends after a while idle: at rest a few serve every lookup. When every
/// thread is busy a lookup waits in line, and one whose caller has given up by the time a thread is free is dropped
/// unstarted.
/// </summary>
internal sealed class LookupThreads(int maxThreads)
{
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(30);

    // getaddrinfo and the NSS modules need little stack; the default 8 MiB reservation is not needed.
    private const int StackSize = 256 * 1024;

    private const int Queued = 0;
    private const int Started = 1;
    private const int GivenUp = 2;

    private readonly object _gate = new(); // Monitor.Wait/Pulse need a monitor, not a System.Threading.Lock
    private readonly Queue<Action> _queue = new();
    private int _threads;
    private int _idle;

    /// <summary>Threads alive now (for tests).</summary>
    internal int Threads
    {
        get { lock (_gate) { return _threads; } }
    }

    /// <summary>
    /// Runs <paramref name="lookup"/> on one of the lookup threads. The task ends when the lookup ends, whatever the
    /// token says once it started (it is what holds a thread); cancelled, it ends at once only if not started yet.
    /// </summary>
    public Task<T> Run<T>(Func<T> lookup, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        int state = Queued;

        // Given up while waiting in line: ended at once, and never started.
        var registration = cancellationToken.Register(() =>
        {
            if (Interlocked.CompareExchange(ref state, GivenUp, Queued) == Queued)
            {
                done.TrySetCanceled(cancellationToken);
            }
        });

        void Item()
        {
            registration.Dispose();
            if (Interlocked.CompareExchange(ref state, Started, Queued) != Queued)
            {
                return;
            }

            try
            {
                done.TrySetResult(lookup());
            }
#pragma warning disable CA1031 // the caller sees the exception through the task
            catch (Exception e)
#pragma warning restore CA1031
            {
                done.TrySetException(e);
            }
        }

        lock (_gate)
        {
            _queue.Enqueue(Item);

            // Idle threads already woken still count as idle until they take an item: start one only for work none will take.
            if (_queue.Count > _idle && _threads < maxThreads)
            {
                _threads++;
                new Thread(Serve, StackSize) { IsBackground = true, Name = "Motion name lookup" }.Start();
            }
            else
            {
                Monitor.Pulse(_gate);
            }
        }

        return done.Task;
    }

    private void Serve()
    {
        while (true)
        {
            Action? item;
            lock (_gate)
            {
                while (!_queue.TryDequeue(out item))
                {
                    _idle++;
                    bool woken = Monitor.Wait(_gate, IdleLifetime);
                    _idle--;
                    if (!woken && _queue.Count == 0)
                    {
                        _threads--;
                        return;
                    }
                }
            }

            item();
        }
    }
}
