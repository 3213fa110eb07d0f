using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Host.Memory;

namespace MotionServer.Pipeline.Tests.Host.Memory;

/// <summary>The heap is collected whole only once gen 2 has grown past the limit, and a failure never stops the host.</summary>
public sealed class OldGenerationCollectionTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeLogger<OldGenerationCollection> _logger = new();
    private OldGenerationSizes _sizes = new(AfterLastCollection: 9L << 20, AfterLastFullCollection: 8L << 20);
    private int _collections;

    [Fact]
    public async Task GrowthUpToTheLimit_CollectsNothing()
    {
        using var service = await StartedAsync();
        _sizes = new OldGenerationSizes((8L << 20) + OldGenerationCollection.GrowthLimit, 8L << 20);

        _time.Advance(OldGenerationCollection.CheckInterval * 10);

        _collections.Should().Be(0, "gen 2 grew by exactly the limit, not past it");
    }

    [Fact]
    public async Task GrowthPastTheLimit_CollectsAtTheNextLook_AndLogsIt()
    {
        using var service = await StartedAsync();
        _sizes = new OldGenerationSizes((8L << 20) + OldGenerationCollection.GrowthLimit + 1024, 8L << 20);

        _time.Advance(OldGenerationCollection.CheckInterval - TimeSpan.FromMilliseconds(1));
        _collections.Should().Be(0, "not before the next look");
        _time.Advance(TimeSpan.FromMilliseconds(1));

        _collections.Should().Be(1);
        _logger.LatestRecord.Level.Should().Be(LogLevel.Debug);
        _logger.LatestRecord.Message.Should().Be("Heap collected whole - gen 2 had grown 2049 KiB since the last full collection");
    }

    [Fact]
    public async Task AfterACollection_TheGrowthCountsFromIt()
    {
        using var service = await StartedAsync();
        _sizes = new OldGenerationSizes(12L << 20, 8L << 20);
        _time.Advance(OldGenerationCollection.CheckInterval);
        _collections.Should().Be(1);

        _sizes = new OldGenerationSizes(13L << 20, 11L << 20); // the full collection left 11 MiB; 2 MiB promoted since
        _time.Advance(OldGenerationCollection.CheckInterval * 5);

        _collections.Should().Be(1);
    }

    [Fact]
    public async Task AFailure_IsADebugLine_AndTheNextLookTriesAgain()
    {
        bool fail = true;
        using var service = new OldGenerationCollection(_time, _logger, () => fail ? throw new InvalidOperationException("no sizes") : _sizes, () => _collections++);
        await service.StartAsync(CancellationToken.None);
        _sizes = new OldGenerationSizes(12L << 20, 8L << 20);

        _time.Invoking(t => t.Advance(OldGenerationCollection.CheckInterval)).Should().NotThrow("a timer's exception would end the server");
        _logger.LatestRecord.Level.Should().Be(LogLevel.Debug);
        _logger.LatestRecord.Message.Should().Be("Heap not collected - no sizes");

        fail = false;
        _time.Advance(OldGenerationCollection.CheckInterval);
        _collections.Should().Be(1);
    }

    [Fact]
    public async Task Stopped_LooksNoMore()
    {
        using var service = await StartedAsync();
        await service.StopAsync(CancellationToken.None);
        _sizes = new OldGenerationSizes(20L << 20, 8L << 20);

        _time.Advance(OldGenerationCollection.CheckInterval * 10);

        _collections.Should().Be(0);
    }

    [Theory]
    [InlineData(10, 8, 2)]
    [InlineData(8, 8, 0)]
    [InlineData(5, 8, 0)] // a compacting gen 1 collection can leave gen 2 smaller than the last full one did
    [InlineData(3, 0, 3)] // no full collection yet: all of gen 2 counts
    public void GrowthSinceFullCollection_IsWhatGen2GainedSince(int afterLast, int afterFull, int growth) =>
        new OldGenerationSizes((long)afterLast << 20, (long)afterFull << 20).GrowthSinceFullCollection.Should().Be((long)growth << 20);

    [Fact]
    public void Read_AfterAFullCollection_SeesIt()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        var sizes = OldGenerationSizes.Read();

        sizes.AfterLastFullCollection.Should().BePositive("this process has a gen 2 and a full collection just ran");
        sizes.AfterLastCollection.Should().BePositive();
    }

    private async Task<OldGenerationCollection> StartedAsync()
    {
        var service = new OldGenerationCollection(_time, _logger, () => _sizes, () => _collections++);
        await service.StartAsync(CancellationToken.None);
        return service;
    }
}
