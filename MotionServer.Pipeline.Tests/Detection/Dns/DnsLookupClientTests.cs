using System.Net;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Detection.Dns;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Detection.Dns;

public sealed class DnsLookupClientTests : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Wait = Patience.Timeout;
    private static readonly TimeSpan Sweep = TimeSpan.FromMilliseconds(10);
    private static readonly IPAddress Device = IPAddress.Parse("192.168.1.17");

    private readonly TestDnsServer _server = new();
    private readonly FakeTimeProvider _time = new();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private DnsLookupClient Client(params IPEndPoint[] servers) => new(servers.Length > 0 ? servers : [_server.EndPoint], _time, Sweep);

    [Fact]
    public async Task AskAsync_KnownName_IsFound()
    {
        _server.Names["motion-1"] = Device;
        using var client = Client();

        var answer = await client.AskAsync("motion-1", Timeout).WaitAsync(Wait);

        answer.Outcome.Should().Be(DnsOutcome.Found);
        answer.Addresses.Should().Equal(Device);
        client.Pending.Should().Be(0);
    }

    [Fact]
    public async Task AskAsync_UnknownName_IsNoSuchName()
    {
        using var client = Client();

        (await client.AskAsync("motion-2", Timeout).WaitAsync(Wait)).Outcome.Should().Be(DnsOutcome.NoSuchName);
    }

    [Fact]
    public async Task AskAsync_SilentServer_EndsWithoutAnswerAtTheTimeout()
    {
        _server.Behaviour = TestDnsServer.Mode.Silent;
        using var client = Client();

        var asking = client.AskAsync("motion-1", Timeout);
        await Until(() => _server.Queries == 1);
        _time.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        int sweeps = client.Sweeps;
        await Until(() => client.Sweeps > sweeps + 1); // a whole sweep has run since the clock moved
        asking.IsCompleted.Should().BeFalse("its time is not over");
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await asking.WaitAsync(Wait)).Outcome.Should().Be(DnsOutcome.NoAnswer);
        client.Pending.Should().Be(0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AskAsync_AnswerFromAnotherPortOrWithAnotherId_IsIgnored(bool fromAnotherPort)
    {
        _server.Names["motion-1"] = Device;
        _server.Behaviour = fromAnotherPort ? TestDnsServer.Mode.AnswersFromAnotherPort : TestDnsServer.Mode.AnswersWithAnotherId;
        using var client = Client();

        var asking = client.AskAsync("motion-1", Timeout);
        await Until(() => _server.Queries == 1);
        _time.Advance(Timeout);

        (await asking.WaitAsync(Wait)).Outcome.Should().Be(DnsOutcome.NoAnswer);
    }

    [Fact]
    public async Task AskAsync_FirstServerSilent_AsksTheSecondWithinTheTime()
    {
        await using var second = new TestDnsServer();
        second.Names["motion-1"] = Device;
        _server.Behaviour = TestDnsServer.Mode.Silent;
        using var client = Client(_server.EndPoint, second.EndPoint);

        var asking = client.AskAsync("motion-1", Timeout);
        await Until(() => _server.Queries == 1);
        second.Queries.Should().Be(0, "the second server is asked only when the first did not answer");
        _time.Advance(Timeout / 2); // each server has half the time

        (await asking.WaitAsync(Wait)).Addresses.Should().Equal(Device);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AskAsync_TheAwaitersContinuation_RunsOnTheReceiveThread(bool answered)
    {
        // What follows an answer runs where it was read, without a hop to the thread pool per answer: a stack too small
        // for the runtime to run a continuation inline once sent every one there. The answer is held back until the
        // await is in place (a silent server, then the clock), so the question cannot end on this thread first.
        _server.Behaviour = TestDnsServer.Mode.Silent;
        await using var second = new TestDnsServer();
        using var client = Client(_server.EndPoint, second.EndPoint);
        var continuedOn = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);

        var awaiting = AwaitAndNoteThreadAsync(client.AskAsync("motion-3", Timeout * 2));
        await Until(() => _server.Queries == 1);
        if (!answered)
        {
            second.Behaviour = TestDnsServer.Mode.Silent;
        }

        _time.Advance(Timeout); // the first server's share is over: the second is asked, and answers or not
        if (!answered)
        {
            await Until(() => second.Queries == 1);
            _time.Advance(Timeout);
        }

        (await continuedOn.Task.WaitAsync(Wait)).Should().Be(DnsLookupClient.ReceiveThreadName);
        (await awaiting.WaitAsync(Wait)).Should().Be(answered ? DnsOutcome.NoSuchName : DnsOutcome.NoAnswer);

        async Task<DnsOutcome> AwaitAndNoteThreadAsync(Task<DnsAnswer> asking)
        {
            var answer = await asking.ConfigureAwait(false);
            continuedOn.TrySetResult(Thread.CurrentThread.Name);
            return answer.Outcome;
        }
    }

    [Fact]
    public async Task AskAsync_ThousandNamesAtOnce_AllAnswered()
    {
        var names = Enumerable.Range(1, 1000).Select(i => $"motion-{i}").ToArray();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            _server.Names[name] = new IPAddress([10, 1, (byte)(i / 256), (byte)(i % 256)]);
        }

        using var client = Client();

        var answers = await Task.WhenAll(names.Select(n => client.AskAsync(n, Timeout))).WaitAsync(Wait);

        answers.Select(a => a.Addresses.Single()).Should().Equal(names.Select(n => _server.Names[n]));
    }

    [Fact]
    public async Task AskAsync_QuestionInLinePastItsTime_EndsWithoutBeingSent()
    {
        _server.Behaviour = TestDnsServer.Mode.Silent;
        using var client = new DnsLookupClient([_server.EndPoint], _time, Sweep, maxInFlight: 1);

        var first = client.AskAsync("motion-1", Timeout);
        var second = client.AskAsync("motion-2", Timeout); // in line behind the first, which the server never answers
        await Until(() => _server.Queries == 1);
        _time.Advance(Timeout);

        (await first.WaitAsync(Wait)).Outcome.Should().Be(DnsOutcome.NoAnswer);
        (await second.WaitAsync(Wait)).Outcome.Should().Be(DnsOutcome.NoAnswer);
        client.Pending.Should().Be(0);

        // The server reads its datagrams in order: had the second been sent late, it would come before the third.
        _ = client.AskAsync("motion-3", Timeout);
        await Until(() => _server.Queries == 2);
        _server.Asked.Should().Equal(["motion-1", "motion-3"], "a question whose look is over is not sent late");
    }

    [Fact]
    public async Task AskAsync_BeyondSendsPerSecond_WaitsInLine_AndLeavesOnceTheSecondHasPassed()
    {
        using var client = new DnsLookupClient([_server.EndPoint], _time, Sweep, sendsPerSecond: 2);
        var longTime = TimeSpan.FromSeconds(5);

        var answered = new[] { client.AskAsync("motion-1", longTime), client.AskAsync("motion-2", longTime) };
        var third = client.AskAsync("motion-3", longTime);
        await Task.WhenAll(answered).WaitAsync(Wait);
        int sweeps = client.Sweeps;
        await Until(() => client.Sweeps > sweeps + 1); // a whole sweep has run with the third in line
        third.IsCompleted.Should().BeFalse("two datagrams have left within the second");
        _server.Queries.Should().Be(2);

        _time.Advance(TimeSpan.FromSeconds(1));

        (await third.WaitAsync(Wait)).Outcome.Should().Be(DnsOutcome.NoSuchName);
        _server.Queries.Should().Be(3);
    }

    [Fact]
    public async Task AskAsync_AfterTheClientSleptWithNoQuestion_IsAnswered_AndTimesOut()
    {
        _server.Names["motion-1"] = Device;
        using var client = Client();
        (await client.AskAsync("motion-1", Timeout).WaitAsync(Wait)).Outcome.Should().Be(DnsOutcome.Found);
        await Until(() => client.Sleeping); // nothing in flight: the receive thread sleeps instead of sweeping

        (await client.AskAsync("motion-1", Timeout).WaitAsync(Wait)).Outcome.Should().Be(DnsOutcome.Found, "a question wakes it");
        _server.Behaviour = TestDnsServer.Mode.Silent;
        await Until(() => client.Sleeping);
        var unanswered = client.AskAsync("motion-2", Timeout);
        await Until(() => _server.Queries == 3);
        _time.Advance(Timeout);

        (await unanswered.WaitAsync(Wait)).Outcome.Should().Be(DnsOutcome.NoAnswer, "woken, it keeps the question's time again");
    }

    [Fact]
    public async Task Dispose_EndsTheQuestionsWaiting_AndLaterOnes()
    {
        _server.Behaviour = TestDnsServer.Mode.Silent;
        var client = Client();
        var asking = client.AskAsync("motion-1", Timeout);
        await Until(() => _server.Queries == 1);

        client.Dispose();

        (await asking.WaitAsync(Wait)).Outcome.Should().Be(DnsOutcome.NoAnswer);
        (await client.AskAsync("motion-2", Timeout).WaitAsync(Wait)).Outcome.Should().Be(DnsOutcome.NoAnswer);
    }

    private static async Task Until(Func<bool> condition)
    {
        using var giveUp = new CancellationTokenSource(Wait);
        while (!condition())
        {
            await Task.Delay(5, giveUp.Token); // polls what another thread does; never waits for time to pass
        }
    }
}
