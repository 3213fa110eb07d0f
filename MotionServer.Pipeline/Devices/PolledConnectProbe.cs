using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace MotionServer.Pipeline.Devices;

/// <summary>
/// The connect probe on Linux: every probe's connect waited for together, by one thread of its own that polls them
/// (<c>poll(2)</c>), instead of each on the runtime's socket engine. Presence probes every completed device every
/// Disconnection:Interval and detection connects to every name that resolves, so a probe's own overhead was a third
/// of the server's processor time at rest at a roster of 130 (docs/presence.md, "What a check costs"): a
/// <see cref="Socket"/>, its registration with the engine's epoll, a timer for its timeout, and two wake-ups per probe
/// (the engine's thread, then a pool thread for the continuation).
/// <list type="bullet">
/// <item>A probe here is the C library's <c>socket</c>, a non-blocking <c>connect</c> and <c>close</c>: nothing is
/// allocated but the probe's task, its record and its cancellation's registration. A connect that ends at once (refused)
/// ends the probe on the caller's thread.</item>
/// <item>The thread polls every connect in progress at once, with a timeout up to the earliest probe's end, so probes
/// started together (the schedules start the probes falling due together) and answered together end in one wake-up.
/// It sleeps in <c>poll</c> on an eventfd alone while no connect is in progress; a new probe wakes it once per batch.</item>
/// <item>A probe's continuation runs on that thread (no hop to the thread pool per probe): what follows a probe is short
/// (a device marked seen or departed, the schedule's next pass), and nothing that follows may block, as with the DNS
/// client's answers.</item>
/// </list>
/// Same meaning as <see cref="TcpConnectProbe"/>: true when the device's port accepted the connection in time, false
/// when it refused, was unreachable or stayed silent; the stopping token cancels (throws). A connection accepted is
/// closed at once (a FIN, as before).
/// </summary>
internal sealed unsafe partial class PolledConnectProbe : IConnectProbe, IDisposable
{
    /// <summary>The probe thread's name, where the probes' continuations run (for tests and profiles).</summary>
    internal const string ThreadName = "Motion connects";

    private const int AfInet = 2;
    private const int AfInet6 = 10;
    private const int SockStream = 1;
    private const int SockNonBlock = 0x800;
    private const int SockCloexec = 0x80000;
    private const int SolSocket = 1;
    private const int SoError = 4;
    private const int EInProgress = 115;
    private const int EInterrupted = 4;
    private const short PollIn = 0x1;
    private const short PollOut = 0x4;

    private readonly int _wakeFd;
    private readonly Lock _gate = new(); // also keeps every write to the eventfd before its close
    private readonly List<Attempt> _incoming = [];
    private bool _signalled; // a wake-up is already on its way to the thread: the next probes need not send another
    private bool _disposed;
    private bool _wakeClosed;
    private Thread? _thread;
    private int _polled; // connects the thread holds: written by the thread only
    private readonly List<(Attempt Attempt, Outcome Outcome)> _ending = []; // the thread's, reused at every poll

    private PolledConnectProbe(int wakeFd) => _wakeFd = wakeFd;

    /// <summary>The polled probe where it can run (Linux, with the C library at hand); null elsewhere.</summary>
    public static PolledConnectProbe? TryCreate()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            int fd = EventFd(0, SockNonBlock | SockCloexec); // EFD_NONBLOCK and EFD_CLOEXEC share the socket flags' values
            return fd < 0 ? null : new PolledConnectProbe(fd);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // not glibc (musl names its library otherwise): the runtime's sockets do the job
        }
    }

    /// <summary>Connects in progress or about to be polled (for tests).</summary>
    internal int Pending
    {
        get
        {
            lock (_gate)
            {
                return _incoming.Count + Volatile.Read(ref _polled);
            }
        }
    }

    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (stopping).</exception>
    /// <exception cref="ObjectDisposedException">The probe was disposed (the pipeline has stopped).</exception>
    public Task<bool> CanConnectAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<bool>(cancellationToken);
        }

        int fd = Socket(address.AddressFamily == AddressFamily.InterNetworkV6 ? AfInet6 : AfInet, SockStream | SockNonBlock | SockCloexec, 0);
        if (fd < 0)
        {
            // No socket to be had (out of descriptors): the probe broke, which says nothing about the device.
            return Task.FromException<bool>(new IOException($"cannot create a socket (error {Marshal.GetLastPInvokeError()})"));
        }

        if (StartConnect(fd, address, port) is { } answer)
        {
            return Task.FromResult(answer);
        }

        var attempt = new Attempt(fd, EndOf(timeout), cancellationToken);
        attempt.ListenForCancellation(this); // before the thread holds it: it may end it at once
        if (!Hand(attempt))
        {
            CloseFile(fd);
            attempt.EndCancelled(); // releases the registration; the task is not returned
            return Task.FromException<bool>(new ObjectDisposedException(nameof(PolledConnectProbe)));
        }

        return attempt.Task;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_thread is not null)
            {
                SignalLocked(); // the thread ends what it holds, closes the eventfd and ends
            }
            else
            {
                CloseWakeLocked();
            }
        }
    }

    /// <summary>
    /// Starts the connect on <paramref name="fd"/>; its answer when it ended at once (the socket then closed already):
    /// connected, or refused, unreachable. Null while it is in progress.
    /// </summary>
    private static bool? StartConnect(int fd, IPAddress address, int port)
    {
        bool v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        // struct sockaddr_in (16 bytes) or sockaddr_in6 (28): family in host order, port in network order, then the
        // address (IPv6: after a 4-byte flow label, and followed by the scope id).
        Span<byte> socketAddress = stackalloc byte[28];
        socketAddress.Clear();
        MemoryMarshal.Write(socketAddress, (ushort)(v6 ? AfInet6 : AfInet));
        socketAddress[2] = (byte)(port >> 8);
        socketAddress[3] = (byte)port;
        int length;
        if (v6)
        {
            address.TryWriteBytes(socketAddress.Slice(8, 16), out _);
            MemoryMarshal.Write(socketAddress[24..], (uint)address.ScopeId);
            length = 28;
        }
        else
        {
            address.TryWriteBytes(socketAddress.Slice(4, 4), out _);
            length = 16;
        }

        int result;
        fixed (byte* pointer = socketAddress)
        {
            result = Connect(fd, pointer, length);
        }

        if (result == 0 || Marshal.GetLastPInvokeError() != EInProgress)
        {
            CloseFile(fd);
            return result == 0;
        }

        return null;
    }

    /// <summary>Gives the thread a connect to wait for (starting it the first time); false once disposed.</summary>
    private bool Hand(Attempt attempt)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            _incoming.Add(attempt);
            if (_thread is null)
            {
                // The runtime's default stack, as the DNS client's thread: continuations run inline only where enough
                // stack is left.
                _thread = new Thread(Run) { IsBackground = true, Name = ThreadName };
                _thread.Start();
            }

            if (!_signalled)
            {
                _signalled = true;
                SignalLocked();
            }
        }

        return true;
    }

    /// <summary>Wakes the thread out of its poll (a cancellation).</summary>
    private void Signal()
    {
        lock (_gate)
        {
            SignalLocked();
        }
    }

    /// <summary>
    /// Wakes the thread out of its poll; under the lock, so that no write reaches the eventfd's number after the thread
    /// closed it (the number may by then be another file's).
    /// </summary>
    private void SignalLocked()
    {
        if (!_wakeClosed)
        {
            ulong one = 1;
            _ = Write(_wakeFd, &one, sizeof(ulong)); // a full counter (never here) would still leave the eventfd readable
        }
    }

    private void CloseWakeLocked()
    {
        _wakeClosed = true;
        CloseFile(_wakeFd);
    }

    private void Run()
    {
        var polled = new List<Attempt>();
        var fds = new PollFd[16];
        while (TakeIncoming(polled))
        {
            int ready;
            fds = Describe(polled, fds);
            fixed (PollFd* pointer = fds)
            {
                ready = Poll(pointer, (nuint)(polled.Count + 1), MillisecondsToFirstEnd(polled));
            }

            if (ready < 0)
            {
                if (Marshal.GetLastPInvokeError() != EInterrupted)
                {
                    FailAll(polled); // poll itself refused (never seen): the probes say nothing, the next ones try again
                }

                continue;
            }

            if (fds[0].Revents != 0)
            {
                ulong count;
                _ = Read(_wakeFd, &count, sizeof(ulong));
            }

            Settle(polled, fds);
        }

        EndAll(polled);
    }

    /// <summary>What to poll: the eventfd first, then each connect in progress (a larger array when they outgrow it).</summary>
    private PollFd[] Describe(List<Attempt> polled, PollFd[] fds)
    {
        if (fds.Length < polled.Count + 1)
        {
            fds = new PollFd[Math.Max(fds.Length * 2, polled.Count + 1)];
        }

        fds[0] = new PollFd { Fd = _wakeFd, Events = PollIn };
        for (int i = 0; i < polled.Count; i++)
        {
            fds[i + 1] = new PollFd { Fd = polled[i].Fd, Events = PollOut };
        }

        return fds;
    }

    /// <summary>Disposed: whatever is still waiting ends as cancelled, and the eventfd is closed.</summary>
    private void EndAll(List<Attempt> polled)
    {
        foreach (var attempt in polled)
        {
            CloseFile(attempt.Fd);
            attempt.EndCancelled();
        }

        lock (_gate)
        {
            CloseWakeLocked();
        }
    }

    /// <summary>Ends every polled probe as broken (not as absent: a probe that broke concludes nothing).</summary>
    private void FailAll(List<Attempt> polled)
    {
        var broken = new IOException($"poll failed with error {Marshal.GetLastPInvokeError()}");
        foreach (var attempt in polled)
        {
            CloseFile(attempt.Fd);
            attempt.Fail(broken);
        }

        polled.Clear();
        Volatile.Write(ref _polled, 0);
    }

    /// <summary>
    /// Moves the probes handed since the last poll to <paramref name="polled"/>; false once disposed (they are then
    /// the last, since a disposed probe takes no more).
    /// </summary>
    private bool TakeIncoming(List<Attempt> polled)
    {
        lock (_gate)
        {
            _signalled = false; // said before the poll: a probe handed from now on wakes it again
            polled.AddRange(_incoming);
            _incoming.Clear();
            Volatile.Write(ref _polled, polled.Count);
            return !_disposed;
        }
    }

    /// <summary>
    /// Ends the probes the poll answered, those cancelled and those past their time; keeps the others. Each is closed
    /// and counted out before any ends, so that what its continuation sees (it runs here) is already true.
    /// </summary>
    private void Settle(List<Attempt> polled, PollFd[] fds)
    {
        long now = Stopwatch.GetTimestamp();
        int kept = 0;
        for (int i = 0; i < polled.Count; i++)
        {
            var attempt = polled[i];
            Outcome? outcome = fds[i + 1].Revents != 0 ? (PendingError(attempt.Fd) == 0 ? Outcome.Connected : Outcome.Absent) // writable: connected, or the error it ended with
                : attempt.Cancelled ? Outcome.Cancelled
                : now >= attempt.EndsAt ? Outcome.Absent // silent: nothing answered in time
                : null;
            if (outcome is { } ended)
            {
                CloseFile(attempt.Fd);
                _ending.Add((attempt, ended));
            }
            else
            {
                polled[kept++] = attempt;
            }
        }

        polled.RemoveRange(kept, polled.Count - kept);
        Volatile.Write(ref _polled, kept);
        foreach (var (attempt, outcome) in _ending)
        {
            attempt.End(outcome);
        }

        _ending.Clear();
    }

    /// <summary>The poll's timeout: until the first probe's time is over (rounded up), or none while nothing is polled.</summary>
    private static int MillisecondsToFirstEnd(List<Attempt> polled)
    {
        if (polled.Count == 0)
        {
            return -1;
        }

        long first = long.MaxValue;
        foreach (var attempt in polled)
        {
            first = Math.Min(first, attempt.EndsAt);
        }

        long left = first - Stopwatch.GetTimestamp();
        return left <= 0 ? 0 : (int)Math.Min(int.MaxValue, Math.Ceiling(left * 1000.0 / Stopwatch.Frequency));
    }

    /// <summary>When a probe started now with <paramref name="timeout"/> is over, on the <see cref="Stopwatch"/> clock (never, for an infinite one).</summary>
    private static long EndOf(TimeSpan timeout)
    {
        long now = Stopwatch.GetTimestamp();
        double ticks = timeout.TotalSeconds * Stopwatch.Frequency;
        return timeout < TimeSpan.Zero || ticks >= long.MaxValue - now ? long.MaxValue : now + (long)ticks;
    }

    private static int PendingError(int fd)
    {
        int error = 0;
        int length = sizeof(int);
        return GetSockOpt(fd, SolSocket, SoError, &error, &length) < 0 ? -1 : error;
    }

    [LibraryImport("libc.so.6", EntryPoint = "socket", SetLastError = true)]
    private static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc.so.6", EntryPoint = "connect", SetLastError = true)]
    private static partial int Connect(int fd, byte* address, int length);

    [LibraryImport("libc.so.6", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc.so.6", EntryPoint = "getsockopt", SetLastError = true)]
    private static partial int GetSockOpt(int fd, int level, int name, int* value, int* length);

    [LibraryImport("libc.so.6", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// <summary>Closes a descriptor this probe owns; a failure leaves nothing to do (the descriptor is gone either way).</summary>
    private static void CloseFile(int fd) => _ = Close(fd);

    [LibraryImport("libc.so.6", EntryPoint = "eventfd", SetLastError = true)]
    private static partial int EventFd(uint initial, int flags);

    [LibraryImport("libc.so.6", EntryPoint = "read")]
    private static partial nint Read(int fd, ulong* buffer, nuint count);

    [LibraryImport("libc.so.6", EntryPoint = "write")]
    private static partial nint Write(int fd, ulong* buffer, nuint count);

    private enum Outcome
    {
        Connected,
        Absent,
        Cancelled,
    }

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>One probe's connect in progress: its socket, when its time is over, and its task.</summary>
    private sealed class Attempt(int fd, long endsAt, CancellationToken cancellationToken)
    {
        // Continuations run where the probe ends: the probe thread (see the class's remarks).
        private readonly TaskCompletionSource<bool> _ended = new();
        private CancellationTokenRegistration _cancellation;
        private volatile bool _cancelled;

        public int Fd { get; } = fd;

        /// <summary>On the <see cref="Stopwatch"/> clock.</summary>
        public long EndsAt { get; } = endsAt;

        public bool Cancelled => _cancelled;

        public Task<bool> Task => _ended.Task;

        /// <summary>A cancellation marks the probe and wakes the thread, which ends it.</summary>
        public void ListenForCancellation(PolledConnectProbe probe)
        {
            if (cancellationToken.CanBeCanceled)
            {
                _cancellation = cancellationToken.UnsafeRegister(static (s, _) =>
                {
                    var (attempt, owner) = ((Attempt, PolledConnectProbe))s!;
                    attempt._cancelled = true;
                    owner.Signal();
                }, (this, probe));
            }
        }

        public void End(Outcome outcome)
        {
            if (outcome == Outcome.Cancelled)
            {
                EndCancelled();
                return;
            }

            _cancellation.Dispose();
            _ended.TrySetResult(outcome == Outcome.Connected);
        }

        public void Fail(Exception broken)
        {
            _cancellation.Dispose();
            _ended.TrySetException(broken);
        }

        public void EndCancelled()
        {
            _cancellation.Dispose();
            _ended.TrySetCanceled(cancellationToken.IsCancellationRequested ? cancellationToken : new CancellationToken(true));
        }
    }
}
