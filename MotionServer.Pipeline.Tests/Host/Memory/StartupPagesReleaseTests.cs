using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Host.Memory;

namespace MotionServer.Pipeline.Tests.Host.Memory;

/// <summary>The start-up's pages are given back once, after the start has settled, and a failure never stops the host.</summary>
public sealed class StartupPagesReleaseTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeLogger<StartupPagesRelease> _logger = new();

    [Fact]
    public async Task AfterTheStartHasSettled_GivesThePagesBackOnce()
    {
        int calls = 0;
        using var release = new StartupPagesRelease(_time, _logger, () =>
        {
            calls++;
            return new ProgramPagesReport(3, 5L << 20, 1);
        });

        await release.StartAsync(CancellationToken.None);
        _time.Advance(StartupPagesRelease.AfterStart - TimeSpan.FromMilliseconds(1));
        calls.Should().Be(0, "not before the start has settled");

        _time.Advance(TimeSpan.FromMilliseconds(1));
        _time.Advance(TimeSpan.FromHours(1));

        calls.Should().Be(1);
        _logger.LatestRecord.Level.Should().Be(LogLevel.Debug);
        _logger.LatestRecord.Message.Should().Be("Start-up pages given back - 3 read-only file mappings (5 MiB mapped), 1 refused");
    }

    [Fact]
    public async Task AFailure_IsADebugLine_NotAnException()
    {
        using var release = new StartupPagesRelease(_time, _logger, () => throw new IOException("/proc/self/maps cannot be read"));
        await release.StartAsync(CancellationToken.None);

        _time.Invoking(t => t.Advance(StartupPagesRelease.AfterStart)).Should().NotThrow("a timer's exception would end the server");

        _logger.LatestRecord.Level.Should().Be(LogLevel.Debug);
        _logger.LatestRecord.Message.Should().Be("Start-up pages not given back - /proc/self/maps cannot be read");
    }

    [Fact]
    public async Task StoppedBeforeTheStartSettled_GivesNothingBack()
    {
        int calls = 0;
        using var release = new StartupPagesRelease(_time, _logger, () =>
        {
            calls++;
            return default;
        });

        await release.StartAsync(CancellationToken.None);
        await release.StopAsync(CancellationToken.None);
        _time.Advance(StartupPagesRelease.AfterStart);

        calls.Should().Be(0);
    }
}
