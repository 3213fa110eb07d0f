using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MotionServer.Pipeline.Detection.Dns;

/// <summary>
/// Asks name servers A questions itself, over one long-lived UDP socket per address family: what getaddrinfo costs
/// for a name not found (a socket created, connected, used and closed per name, /etc/hosts read per name, a thread
/// blocked per lookup) is most of detection's work at rest, and a question here costs one send and one receive.
/// <list type="bullet">
/// <item>Questions are sent at once from the caller's thread (the sockets do not block); one receive thread of its own
/// reads every answer and hands it to its question, matched by id, question and server. A datagram from any other
/// address, with another id or echoing another question is ignored.</item>
/// <item>A question unanswered in its time goes to the next server, each server getting an equal share of the time
/// (so the whole lookup ends within it); after the last it ends <see cref="DnsOutcome.NoAnswer"/>. No retries to one
/// server: detection's next look is the retry. Servers are asked in order, as glibc does without <c>rotate</c>.</item>
/// <item>Time is kept by the receive thread itself: while a question is in flight or in line it wakes at least every
/// <c>sweepEvery</c>, ends the questions past their time (those still in line without sending them) and sends those
/// the limits now allow; no timer per question. With none, it sleeps until the next is asked: at rest the looks come
/// a few times a second and their answers within milliseconds, and a laptop idle on the beach need not wake ten
/// times a second for nothing (3 wakes a second instead of 11 at rest with a roster of 130).</item>
/// <item>At most <c>sendsPerSecond</c> datagrams leave in any second, counted where they leave: questions held in
/// line (a server slow to answer, or silent) would otherwise leave together with the next second's.</item>
/// </list>
/// A question ends as a <see cref="Task{DnsAnswer}"/> that never fails: one small object per question and obviously
/// right, where a pooled IValueTaskSource would save a hundred bytes next to two system calls. Its continuation runs
/// on the receive thread (no hop to the thread pool per answer): what follows an answer is short (another question,
/// or a name recorded not found), and nothing that follows may block.
/// </summary>
internal sealed class DnsLookupClient : IDisposable
{
    private static readonly TimeSpan DefaultSweep = TimeSpan.FromMilliseconds(100);

    /// <summary>The receive thread's name, where the answers' continuations run (for tests and profiles).</summary>
    internal const string ReceiveThreadName = "Motion DNS answers";

    private readonly NameServer[] _servers;
    private readonly Socket[] _sockets;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly TimeSpan _sweepEvery;
    private readonly int _maxInFlight;
    private readonly LookupBudget _sends;
    private readonly Lock _gate = new();
    private readonly object _idle = new(); // the receive thread sleeps on it while no question is in flight or in line
    private volatile bool _sleeping;
    private readonly Dictionary<ushort, Question> _pending = [];
    private readonly Queue<Question> _waiting = new();
    private readonly List<Question> _expired = [];
    private readonly List<Question> _late = [];
    private volatile bool _stopped;
    private int _sweeps;

    /// <summary>
    /// A client of <paramref name="nameServers"/> (address and port each, asked in this order), with at most
    /// <paramref name="maxInFlight"/> questions sent and unanswered at once: when every absent device falls due
    /// together, a thousand datagrams at once would overflow a router's socket (or this one's) and be lost; the others
    /// wait in line, within their time, and leave as answers come. At most <paramref name="sendsPerSecond"/> leave in
    /// any second (0: no limit; Detection:LookupsPerSecond), the others waiting in line likewise.
    /// </summary>
    /// <exception cref="SocketException">A socket cannot be created (no IPv6 on this host, for an IPv6 server).</exception>
    public DnsLookupClient(IReadOnlyList<IPEndPoint> nameServers, TimeProvider? time = null, TimeSpan? sweepEvery = null, int maxInFlight = 64,
        int sendsPerSecond = 0)
    {
        ArgumentOutOfRangeException.ThrowIfZero(nameServers.Count);
        _time = time ?? TimeProvider.System;
        _origin = _time.GetTimestamp();
        _sweepEvery = sweepEvery ?? DefaultSweep;
        _maxInFlight = maxInFlight;
        _sends = new LookupBudget(sendsPerSecond);
        _sockets = [.. nameServers.Select(s => s.AddressFamily).Distinct().Select(Bound)];
        _servers = [.. nameServers.Select(s => new NameServer(s, _sockets.First(k => k.AddressFamily == s.AddressFamily)))];
        // The runtime's default stack, not a small one: a task's continuation runs inline only where 128 KiB of stack
        // are left (RuntimeHelpers.TryEnsureSufficientExecutionStack), and on a 128 KiB stack every answer's
        // continuation went to the thread pool instead, waking a pool thread per answer (measured: nearly all the
        // pool's work items in a rush). Only the pages it touches are resident.
        new Thread(ReceiveAnswers) { IsBackground = true, Name = ReceiveThreadName }.Start();
    }

    /// <summary>Questions sent and waiting for their answer, or waiting to be sent.</summary>
    internal int Pending
    {
        get { lock (_gate) { return _pending.Count + _waiting.Count; } }
    }

    /// <summary>True while the receive thread sleeps for want of questions (for tests).</summary>
    internal bool Sleeping => _sleeping;

    /// <summary>Sweeps of the questions past their time so far (for tests).</summary>
    internal int Sweeps => Volatile.Read(ref _sweeps);

    /// <summary>The answer to an A question for <paramref name="name"/>, within <paramref name="timeout"/>. Never fails.</summary>
    public Task<DnsAnswer> AskAsync(string name, TimeSpan timeout)
    {
        var question = new Question(name, timeout / _servers.Length, Now + timeout);
        Send(question, 0);
        return question.Done.Task;
    }

    private TimeSpan Now => _time.GetElapsedTime(_origin);

    /// <summary>Sends a question to server <paramref name="server"/>, or puts it in line when enough are in flight.</summary>
    private void Send(Question question, int server)
    {
        bool send;
        bool stopped;
        lock (_gate)
        {
            question.Server = server;
            stopped = _stopped;
            send = !stopped && MaySendNow();
            if (send)
            {
                Register(question);
            }
            else if (!stopped)
            {
                _waiting.Enqueue(question);
            }
        }

        if (stopped)
        {
            question.End(DnsAnswer.Of(DnsOutcome.NoAnswer));
            return;
        }

        WakeReceiver(); // to keep its time, and to take its answer
        if (send)
        {
            Transmit(question);
        }
    }

    /// <summary>Whether one more datagram may leave now: fewer than the most in flight, and the second's sends allow it.</summary>
    private bool MaySendNow() => _pending.Count < _maxInFlight && _sends.Available(Now) > 0;

    private void Register(Question question)
    {
        question.Id = FreeId();
        var now = Now;
        question.Deadline = now + question.Share < question.GivesUpAt ? now + question.Share : question.GivesUpAt;
        _pending[question.Id] = question;
        _sends.Spend(1, now);
    }

    private void Transmit(Question question)
    {
        Span<byte> query = stackalloc byte[DnsMessage.MaxQueryLength];
        int length = DnsMessage.WriteQuery(query, question.Id, question.Name);
        if (length == 0 || !_servers[question.Server].TrySend(query[..length]))
        {
            // A name DNS cannot carry, or a send refused (a full buffer, no route): as if that server did not answer.
            Expire(question, length == 0);
        }
    }

    /// <summary>Sends questions waiting in line while fewer than the most allowed are in flight and the second's sends allow.</summary>
    private void SendWaiting()
    {
        while (true)
        {
            Question? next;
            lock (_gate)
            {
                if (_stopped || !MaySendNow() || !_waiting.TryDequeue(out next))
                {
                    return;
                }

                Register(next);
            }

            Transmit(next);
        }
    }

    private ushort FreeId()
    {
        ushort id;
        do
        {
            id = (ushort)Random.Shared.Next(0x10000);
        }
        while (_pending.ContainsKey(id));

        return id;
    }

    private static Socket Bound(AddressFamily family)
    {
        var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp) { Blocking = false };
        socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
        return socket;
    }

    /// <summary>Wakes the receive thread if it sleeps for want of questions (one was just sent or put in line, or the client stopped).</summary>
    private void WakeReceiver()
    {
        if (_sleeping)
        {
            lock (_idle)
            {
                Monitor.Pulse(_idle);
            }
        }
    }

    /// <summary>Sleeps while no question is in flight or in line, and the client runs.</summary>
    private void SleepWhileIdle()
    {
        lock (_idle)
        {
            // Sleeping is said before looking: a question asked after the look sees it and wakes this thread.
            _sleeping = true;
            while (!_stopped && Pending == 0)
            {
                Monitor.Wait(_idle);
            }

            _sleeping = false;
        }
    }

    private void ReceiveAnswers()
    {
        var buffer = new byte[DnsMessage.MaxUdpLength];
        var readable = new List<Socket>(_sockets.Length);
        var senders = _sockets.ToDictionary(s => s, s => new SocketAddress(s.AddressFamily));
        // The sweep's pace is kept on the real clock; whether a question's time is over, on the client's clock.
        long lastSweep = Stopwatch.GetTimestamp();
        while (!_stopped)
        {
            SleepWhileIdle();
            try
            {
                WaitReadable(readable);
                foreach (var socket in readable)
                {
                    int length = socket.ReceiveFrom(buffer, SocketFlags.None, senders[socket]);
                    Answer(buffer.AsSpan(0, length), senders[socket]);
                }
            }
            catch (SocketException)
            {
                // A datagram that could not be read (gone, or an error the network reported): nothing to answer.
            }
            catch (ObjectDisposedException)
            {
                return; // stopped
            }

            if (Stopwatch.GetElapsedTime(lastSweep) >= _sweepEvery)
            {
                lastSweep = Stopwatch.GetTimestamp();
                Sweep();
            }
        }
    }

    /// <summary>The sockets with a datagram to read, waiting at most until the next sweep is due.</summary>
    private void WaitReadable(List<Socket> readable)
    {
        readable.Clear();
        int wait = (int)_sweepEvery.TotalMicroseconds;
        if (_sockets.Length == 1)
        {
            // The usual case (IPv4 servers only): one poll, without Select's list handling.
            if (_sockets[0].Poll(wait, SelectMode.SelectRead))
            {
                readable.Add(_sockets[0]);
            }

            return;
        }

        readable.AddRange(_sockets);
        Socket.Select(readable, null, null, wait);
    }

    private void Answer(ReadOnlySpan<byte> message, SocketAddress sender)
    {
        if (DnsMessage.IdOf(message) is not { } id)
        {
            return;
        }

        Question? question;
        DnsAnswer answer;
        lock (_gate)
        {
            if (!_pending.TryGetValue(id, out question) || !_servers[question.Server].Sent(sender))
            {
                return;
            }

            answer = DnsMessage.ReadAnswer(message, id, question.Name);
            if (answer.Outcome == DnsOutcome.NotOurs)
            {
                return; // a forgery or a stray: the real answer may still come
            }

            _pending.Remove(id);
        }

        question.End(answer);
        SendWaiting();
    }

    /// <summary>Ends (or sends to the next server) every question past its time.</summary>
    private void Sweep()
    {
        var now = Now;
        lock (_gate)
        {
            foreach (var question in _pending.Values)
            {
                if (question.Deadline <= now)
                {
                    _expired.Add(question);
                }
            }

            DropWaitingPast(now);
        }

        foreach (var question in _expired)
        {
            Expire(question, lastServer: false);
        }

        foreach (var question in _late)
        {
            question.End(DnsAnswer.Of(DnsOutcome.NoAnswer)); // never sent: ends at once, no next server
        }

        _expired.Clear();
        _late.Clear();
        SendWaiting();
        Interlocked.Increment(ref _sweeps);
    }

    /// <summary>Takes the questions whose time ran out while in line out of it, into <see cref="_late"/>.</summary>
    private void DropWaitingPast(TimeSpan now)
    {
        if (!_waiting.Any(q => q.GivesUpAt <= now))
        {
            return;
        }

        var keep = _waiting.Where(q => q.GivesUpAt > now).ToArray();
        _late.AddRange(_waiting.Where(q => q.GivesUpAt <= now));
        _waiting.Clear();
        foreach (var question in keep)
        {
            _waiting.Enqueue(question);
        }
    }

    /// <summary>
    /// Ends a question its server did not answer, or asks the next server. Only once per question sent: whoever takes
    /// it out of the pending questions (the sweep, or a send that failed) goes on with it.
    /// </summary>
    private void Expire(Question question, bool lastServer)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(question.Id, out var pending) || pending != question)
            {
                return;
            }

            _pending.Remove(question.Id);
        }

        if (!lastServer && question.Server + 1 < _servers.Length && Now < question.GivesUpAt)
        {
            Send(question, question.Server + 1);
        }
        else
        {
            question.End(DnsAnswer.Of(DnsOutcome.NoAnswer));
        }
    }

    /// <summary>Closes the sockets; the receive thread ends at its next wake; questions waiting end <see cref="DnsOutcome.NoAnswer"/>.</summary>
    public void Dispose()
    {
        Question[] waiting;
        lock (_gate)
        {
            _stopped = true;
            waiting = [.. _pending.Values, .. _waiting];
            _pending.Clear();
            _waiting.Clear();
        }

        WakeReceiver();

        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }

        foreach (var question in waiting)
        {
            question.End(DnsAnswer.Of(DnsOutcome.NoAnswer));
        }
    }

    /// <summary>One question for a name, through the servers in turn.</summary>
    private sealed class Question(string name, TimeSpan share, TimeSpan givesUpAt)
    {
        public string Name { get; } = name;

        /// <summary>The time each server has.</summary>
        public TimeSpan Share { get; } = share;

        /// <summary>When the question ends unanswered, whatever server it is at or whether it waits in line.</summary>
        public TimeSpan GivesUpAt { get; } = givesUpAt;

        public ushort Id { get; set; }

        public int Server { get; set; }

        public TimeSpan Deadline { get; set; }

        public TaskCompletionSource<DnsAnswer> Done { get; } = new();

        public void End(DnsAnswer answer) => Done.TrySetResult(answer);
    }
}
