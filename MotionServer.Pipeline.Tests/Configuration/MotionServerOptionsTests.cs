using Microsoft.Extensions.Configuration;
using MotionServer.Host.Configuration;
using MotionServer.Pipeline.Configuration;

namespace MotionServer.Pipeline.Tests.Configuration;

public class MotionServerOptionsTests
{
    [Fact]
    public void Defaults_AreTheContractValues()
    {
        var o = new MotionServerOptions();

        o.Network.HostnameTemplate.Should().Be("motion-{id}");
        o.Network.Port.Should().Be(80);
        o.Network.HostsFile.Should().BeNull();
        o.Network.IgnoredAddresses.Should().Equal("10.10.10.10");
        o.Detection.Workers.Should().Be(4);
        o.Detection.Interval.Should().Be(TimeSpan.FromSeconds(5));
        o.Detection.ConnectTimeout.Should().Be(TimeSpan.FromSeconds(1));
        o.Detection.Lookups.Should().Be(256);
        o.Inspection.Workers.Should().Be(4);
        o.Inspection.RequestTimeout.Should().Be(TimeSpan.FromSeconds(10));
        o.Download.Workers.Should().Be(4);
        o.Download.RequestTimeout.Should().Be(TimeSpan.FromSeconds(30));
        o.Download.MinBytesPerSecond.Should().Be(1024);
        o.Retry.AttemptsBeforeAttention.Should().Be(3);
        o.Disconnection.Workers.Should().Be(1024, "the cap of presence probes in flight: a wave of departures is probed within one connect timeout");
        o.Disconnection.Interval.Should().Be(TimeSpan.FromSeconds(5));
        o.Disconnection.ConnectTimeout.Should().Be(TimeSpan.FromSeconds(5));
        o.Limits.MaxJsonBytes.Should().Be(4 * 1024 * 1024);
        o.Limits.MaxLogEntries.Should().Be(10_000);
        o.Limits.MaxTrackBytes.Should().Be(256L * 1024 * 1024);
        o.Limits.MinFreeDiskBytes.Should().Be(500L * 1024 * 1024);
        o.Dashboard.Interval.Should().Be(TimeSpan.FromSeconds(5));
        o.Dashboard.Templates.Should().Be("config/templates");
        o.Host.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(8));
        o.Filters.Min500mBestKnots.Should().Be(1);
        o.Expected.GnssRate.Should().Be(5);
        o.Expected.Timezone.Should().Be(60);
        o.Expected.OneLogPerDay.Should().Be(0);
        o.Thresholds.Battery.Should().Be(60);
        o.Thresholds.Storage.Should().Be(95);
        o.Results.MinimumFix.Should().Be(3);
        o.Results.MinimumSatellites.Should().Be(5);
        o.Results.MaximumHdop.Should().Be(5);
        o.Results.MaximumSpeedAccuracyKnots.Should().Be(4);
        o.Results.MaximumAcceleration.Should().Be(10);
        o.Results.MaximumGap.Should().Be(TimeSpan.FromSeconds(2));
        o.Results.DistanceMinimumSpeedKnots.Should().Be(5);
        o.Results.SuspectThresholdKnots.Should().Be(1);
        o.Results.MaximumPlausibleKnots.Should().Be(70);
        o.ApprovedFirmware.Should().BeEmpty();
        o.EventDirectory.Should().Be(".");
        o.DryRun.Should().BeFalse();
    }

    [Fact]
    public void HostnameFor_ReplacesTheId()
    {
        new NetworkOptions().HostnameFor(817).Should().Be("motion-817");
    }

    [Fact]
    public void ShippedAppSettings_ReadWithoutProblems_AndEqualTheDefaults()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();

        var result = MotionServerOptionsReader.Read(configuration.GetSection("MotionServer"), DashboardListenOptions.HostKeys);

        result.Problems.Should().BeEmpty();
        result.Options.Should().BeEquivalentTo(new MotionServerOptions());
    }
}
