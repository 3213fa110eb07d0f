namespace MotionServer.Pipeline.Detection;

/// <summary>
/// Threads of their own for the operating system's name lookups. getaddrinfo blocks the thread that calls it (on
/// Linux .NET runs it on a thread-pool thread, dotnet/runtime#48566), so slow lookups run here and never starve the
/// pool that runs everything else. A thread starts when a lookup finds none idle and ends after a while idle: at rest
/// one or two serve every lookup. How many run at once is bounded by the callers (<see cref="NameLookups"/>): at most
/// Detection:Lookups, plus one per name whose lookup never returned.
/// </summary>
internal sealed class LookupThreads
{
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(30);

    // getaddrinfo and the NSS modules need little stack; the default 8 MiB reservation is not needed.
    private const int StackSize = 256 * 1024;

    private readonly object _gate = new(); // Monitor.Wait/Pulse need a monitor, not a System.Threading.Lock
    private readonly Queue<Action> _queue = new();
    private int _idle;

    /// <summary>Runs <paramref name="lookup"/> on one of the lookup threads.</summary>
    public Task<T> Run<T>(Func<T> lookup)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Item()
        {
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

            // Idle threads already woken still count as idle until they run: start one only for work none will take.
            if (_queue.Count > _idle)
            {
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
                        return;
                    }
                }
            }

            item();
        }
    }
}
