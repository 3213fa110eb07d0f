using System.Diagnostics;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// Threads of their own for the operating system's name lookups, at most <c>maxThreads</c> (Detection:Lookups).
/// getaddrinfo blocks the thread that calls it (on Linux .NET runs it on a thread-pool thread,
/// dotnet/runtime#48566), so slow lookups run here and never starve the pool that runs everything else.
/// <para>
/// Threads grow with need and end after a while idle: a few start at once; beyond them a thread starts only when a
/// lookup has waited in line <see cref="GrowAfter"/>, and at most one per <see cref="GrowAfter"/>, so a burst of fast lookups (every absent name falling due
/// together, at rest) is served by a handful of threads, while lookups that are slow to fail (a router with no uplink)
/// soon get as many threads as they need. A lookup whose caller gave up before a thread took it is never started.
/// </para>
/// </summary>
internal sealed class LookupThreads(int maxThreads)
{
    /// <summary>How long a lookup may wait in line before another thread is started for the line.</summary>
    internal static readonly TimeSpan GrowAfter = TimeSpan.FromMilliseconds(50);

    private const int EagerThreads = 4;
    private const int Queued = 0;
    private const int Started = 1;
    private const int GivenUp = 2;

    private static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(30);

    /// <summary>The lookup threads' name, where the lookups' continuations run (for tests and profiles).</summary>
    internal const string ThreadName = "Motion name lookup";

    // getaddrinfo and the NSS modules need little stack; the default 8 MiB reservation is not needed. Not less than
    // this: a continuation runs inline only where 128 KiB are left (RuntimeHelpers.TryEnsureSufficientExecutionStack),
    // and the lookups' continuations are meant to run here (Item's _done; LookupThreadsTests checks it).
    private const int StackSize = 256 * 1024;

    private readonly object _gate = new(); // Monitor.Wait/Pulse need a monitor, not a System.Threading.Lock
    private readonly Queue<Item> _queue = new();
    private Timer? _growth;
    private bool _growthArmed;
    private long _lastGrowth;
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
        var item = new Item<T>(lookup, cancellationToken);
        lock (_gate)
        {
            if (_queue.Count > 2 * maxThreads)
            {
                Purge(); // every thread is held by lookups that never return: do not let given-up ones pile up
            }

            _queue.Enqueue(item);

            // Idle threads already woken still count as idle until they take an item: grow only for work none will take.
            if (_queue.Count > _idle)
            {
                GrowIfWaiting();
            }

            Monitor.Pulse(_gate);
        }

        return item.Task;
    }

    private void GrowIfWaiting()
    {
        if (_threads >= maxThreads)
        {
            return;
        }

        // Beyond the first few, one more thread per GrowAfter at most, while lookups wait longer than that: enough for
        // lookups that are slow to fail within seconds, not a thread per lookup for a burst of fast ones.
        if (_threads < EagerThreads || (_queue.Peek().Waited >= GrowAfter && Stopwatch.GetElapsedTime(_lastGrowth) >= GrowAfter))
        {
            _lastGrowth = Stopwatch.GetTimestamp();
            _threads++;
            new Thread(Serve, StackSize) { IsBackground = true, Name = ThreadName }.Start();
        }
        else if (!_growthArmed)
        {
            // Every thread is busy and the line is young: look again when it has waited long enough.
            _growthArmed = true;
            _growth ??= new Timer(static state => ((LookupThreads)state!).OnGrowthDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _growth.Change(GrowAfter, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnGrowthDue()
    {
        lock (_gate)
        {
            _growthArmed = false;
            while (_queue.TryPeek(out var head) && head.IsGivenUp)
            {
                _queue.Dequeue();
            }

            if (_queue.Count > _idle)
            {
                GrowIfWaiting();
            }
        }
    }

    private void Purge()
    {
        var waiting = _queue.Where(i => !i.IsGivenUp).ToArray();
        _queue.Clear();
        foreach (var i in waiting)
        {
            _queue.Enqueue(i);
        }
    }

    private void Serve()
    {
        while (TakeNext() is { } item)
        {
            item.Run();
        }
    }

    /// <summary>The next lookup in line, waiting for one; null when none came for <see cref="IdleLifetime"/> (the thread ends).</summary>
    private Item? TakeNext()
    {
        lock (_gate)
        {
            Item? item;
            while (!_queue.TryDequeue(out item))
            {
                _idle++;
                bool woken = Monitor.Wait(_gate, IdleLifetime);
                _idle--;
                if (!woken && _queue.Count == 0)
                {
                    _threads--;
                    return null;
                }
            }

            if (_queue.Count > _idle)
            {
                GrowIfWaiting();
            }

            return item;
        }
    }

    private abstract class Item
    {
        private readonly long _enqueued = Stopwatch.GetTimestamp();

        public TimeSpan Waited => Stopwatch.GetElapsedTime(_enqueued);

        public abstract bool IsGivenUp { get; }

        public abstract void Run();
    }

    private sealed class Item<T> : Item
    {
        private readonly Func<T> _lookup;
        // Continuations run on the lookup thread that ends the lookup: the rest of a look is short (a name not found is
        // recorded; a found one goes on to an asynchronous connect), and at rest ~200 lookups a second each handed
        // back to the thread pool cost more than the rest of the look (a pool thread woken, spinning for more work).
        private readonly TaskCompletionSource<T> _done = new();
        private readonly CancellationTokenRegistration _registration;
        private int _state = Queued;

        public Item(Func<T> lookup, CancellationToken cancellationToken)
        {
            _lookup = lookup;

            // Given up while waiting in line: ended at once, and never started.
            _registration = cancellationToken.Register(static state =>
            {
                var item = (Item<T>)state!;
                if (Interlocked.CompareExchange(ref item._state, GivenUp, Queued) == Queued)
                {
                    item._done.TrySetCanceled();
                }
            }, this);
        }

        public Task<T> Task => _done.Task;

        public override bool IsGivenUp => Volatile.Read(ref _state) == GivenUp;

        public override void Run()
        {
            _registration.Dispose();
            if (Interlocked.CompareExchange(ref _state, Started, Queued) != Queued)
            {
                return;
            }

            try
            {
                _done.TrySetResult(_lookup());
            }
#pragma warning disable CA1031 // the caller sees the exception through the task
            catch (Exception e)
#pragma warning restore CA1031
            {
                _done.TrySetException(e);
            }
        }
    }
}
