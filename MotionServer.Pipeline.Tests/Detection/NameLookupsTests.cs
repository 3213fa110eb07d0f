using System.Net;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Detection;

namespace MotionServer.Pipeline.Tests.Detection;

public class NameLookupsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedResolver _resolver;
    private readonly NameLookups _lookups;

    public NameLookupsTests()
    {
        _resolver = new ScriptedResolver(_time);
        _lookups = new NameLookups(_resolver, Timeout, _time);
    }

    [Fact]
    public async Task ResolveAsync_AnsweredName_ReturnsItsAddress()
    {
        _resolver.Answer("motion-1", IPAddress.Loopback);

        (await _lookups.ResolveAsync("motion-1", CancellationToken.None)).Should().Be(IPAddress.Loopback);
    }

    [Fact]
    public async Task ResolveAsync_LookupSlowerThanTheTimeout_IsNotFound()
    {
        _resolver.Hang("motion-1");

        var lookup = _lookups.ResolveAsync("motion-1", CancellationToken.None);
        _time.Advance(Timeout);

        (await lookup.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeNull();
    }

    [Fact]
    public async Task ResolveAsync_WhileAnEarlierLookupOfTheNameIsOutstanding_IsNotFoundAtOnce_WithoutANewLookup()
    {
        _resolver.Hang("motion-1");
        var first = _lookups.ResolveAsync("motion-1", CancellationToken.None);
        _time.Advance(Timeout);
        await first.WaitAsync(TimeSpan.FromSeconds(10));

        var second = _lookups.ResolveAsync("motion-1", CancellationToken.None);

        second.IsCompletedSuccessfully.Should().BeTrue("it neither waits nor takes a lookup");
        (await second).Should().BeNull();
        _resolver.CallsFor("motion-1").Should().Be(1);
    }

    [Fact]
    public async Task ResolveAsync_OnceTheOutstandingLookupReturns_LooksTheNameUpAgain()
    {
        _resolver.Hang("motion-1");
        var first = _lookups.ResolveAsync("motion-1", CancellationToken.None);
        _time.Advance(Timeout);
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        _resolver.Answer("motion-1", IPAddress.Loopback);

        _resolver.Release("motion-1");
        IPAddress? address = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10); // bounded by time, not by a count of tries: under load the continuation may take a while
        while (address is null && DateTime.UtcNow < deadline)
        {
            // The outstanding entry goes when the lookup's continuation has run; each try is a real lookup or an instant miss.
            await Task.Yield();
            address = await _lookups.ResolveAsync("motion-1", CancellationToken.None);
        }

        address.Should().Be(IPAddress.Loopback);
    }

    [Fact]
    public async Task ResolveAsync_ResolverThatEndsInTime_IsAwaitedWithoutATimer_OneLookupPerName()
    {
        _resolver.EndsWithinTimeout = true;
        _resolver.Hang("motion-1");

        var lookup = _lookups.ResolveAsync("motion-1", CancellationToken.None);
        _time.Advance(Timeout * 2);
        (await _lookups.ResolveAsync("motion-1", CancellationToken.None)).Should().BeNull("the name's lookup is still outstanding");
        _resolver.CallsFor("motion-1").Should().Be(1);
        lookup.IsCompleted.Should().BeFalse("it is awaited, not timed: two timeouts have passed");
        _resolver.Answer("motion-1", IPAddress.Loopback);
        _resolver.Release("motion-1");

        (await lookup.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeNull("the lookup it awaited said not found");
        (await _lookups.ResolveAsync("motion-1", CancellationToken.None)).Should().Be(IPAddress.Loopback);
    }
}
