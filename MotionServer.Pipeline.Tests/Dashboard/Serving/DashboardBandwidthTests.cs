using Microsoft.Extensions.Logging.Abstractions;
using MotionServer.Host.Dashboard;
using MotionServer.Pipeline.Tests.Support;
using Xunit.Abstractions;

namespace MotionServer.Pipeline.Tests.Dashboard.Serving;

/// <summary>
/// Issue 18's measure: 30 phones on the event WiFi, each reloading index.html every 5 s for a minute, at a roster of
/// 1,000, against a real Kestrel on loopback. The reload loop is driven by ticks of a simulated clock, not by sleeping.
/// "Before" is what a browser does with the old server's answers (<c>no-store</c>, no compression: the whole page at
/// every reload); "after" is what it does with today's (its own copy and ETag, brotli). Bytes are counted on the
/// phones' sockets, both ways, headers included.
/// </summary>
public sealed class DashboardBandwidthTests(ITestOutputHelper output) : IDisposable
{
    private const int Phones = 30;
    private const int Roster = 1000;
    private const int Reloads = 12; // a minute at one reload every 5 s

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ThirtyPhonesReloadingForAMinute_GetTenTimesFewerBytesThanWithNoStoreUncompressed()
    {
        var before = await ServeAMinuteAsync("before", browserCache: false);
        var after = await ServeAMinuteAsync("after", browserCache: true);

        long total = after.Sum(r => r.Bytes);
        output.WriteLine($"{Phones} phones, {Reloads} reloads each, roster {Roster}: before {before.Sum(r => r.Bytes):N0} bytes, after {total:N0} bytes, {(double)before.Sum(r => r.Bytes) / total:F1}x fewer");
        foreach (var reload in after)
        {
            output.WriteLine($"  after, page {(reload.PageChanged ? "changed" : "unchanged")} ({reload.PageBytes:N0} bytes on disk): {reload.Bytes / Phones:N0} bytes per phone");
        }

        total.Should().BeLessThan(before.Sum(r => r.Bytes) / 10);
        after.Where(r => !r.PageChanged).Should().OnlyContain(r => r.Bytes / Phones < 1_000, "an unchanged page costs a phone a few hundred bytes (304)");
        after.Where(r => r.PageChanged).Should().OnlyContain(r => r.Bytes / Phones < r.PageBytes / 5, "a changed page travels compressed");
    }

    /// <summary>A minute of ticks (a device changes at every third one) and reloads; returns the bytes on the wire at each reload.</summary>
    private async Task<List<Reload>> ServeAMinuteAsync(string name, bool browserCache)
    {
        string directory = _folder.Combine(name, "dashboards");
        var dashboards = new SimulatedDashboards(directory, Roster);
        dashboards.Tick(deviceChanges: true);
        new FileInfo(Path.Combine(directory, "index.html")).Length.Should().BeGreaterThan(500_000, "index.html at a roster of 1,000 is about a megabyte");

        var server = new DashboardWebServer("http://127.0.0.1:0", directory, NullLoggerFactory.Instance);
        await server.StartAsync(CancellationToken.None).WaitAsync(EventCounter.Timeout);
        var wire = new WireCounter();
        var phones = Enumerable.Range(0, Phones).Select(_ => new SimulatedPhone(wire, browserCache)).ToList();
        var reloads = new List<Reload>();
        try
        {
            var page = new Uri(new Uri(server.Addresses.Single()), "index.html");
            for (int reload = 0; reload < Reloads; reload++)
            {
                bool changed = reload % 3 == 0;
                if (reload > 0)
                {
                    dashboards.Tick(deviceChanges: changed);
                }

                string onDisk = await File.ReadAllTextAsync(Path.Combine(directory, "index.html"));
                long wireBefore = wire.Bytes;
                string[] shown = await Task.WhenAll(phones.Select(p => p.ReloadAsync(page))).WaitAsync(EventCounter.Timeout);
                shown.Should().AllBe(onDisk, "every phone shows the page of this tick, never a stale one");
                reloads.Add(new Reload(changed, System.Text.Encoding.UTF8.GetByteCount(onDisk), wire.Bytes - wireBefore));
            }
        }
        finally
        {
            phones.ForEach(p => p.Dispose());
            await server.StopAsync(CancellationToken.None).WaitAsync(EventCounter.Timeout);
        }

        return reloads;
    }

    private sealed record Reload(bool PageChanged, long PageBytes, long Bytes);
}
