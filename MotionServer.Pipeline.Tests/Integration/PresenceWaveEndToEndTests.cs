using System.Collections.Concurrent;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Integration;

/// <summary>
/// A wave of departures on real sockets: emulated devices on loopback, most of them leaving an address that stays silent
/// (connects wait out their timeout, as when the router still answers for a departed device's name), all at once.
/// </summary>
public sealed class PresenceWaveEndToEndTests : IDisposable
{
    private const int Devices = 40;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    // What a loaded test machine may add to Interval + ConnectTimeout (timers, thread pool, 40 Kestrel servers stopping).
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    private readonly TemporaryFolder _temp = new();

    [Fact]
    public async Task AWaveOfDepartures_IsNoticedWithinIntervalPlusConnectTimeout_AndEveryRiderWhoComesBackIsServed()
    {
        var ids = Enumerable.Range(841, Devices).ToArray();
        await using var fleet = await FleetBuilder.StartAsync(ids, tracksPerDevice: 1);
        foreach (var device in fleet.Devices.Where(d => d.Id % 4 != 0))
        {
            device.SilentWhenAway = true; // three in four: the probes of the wave wait out their connect timeout
        }

        await using var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet), o =>
        {
            o.Disconnection.Interval = Interval;
            o.Disconnection.ConnectTimeout = ConnectTimeout;
        });
        await Task.WhenAll(ids.Select(id => server.WaitForCompletedAsync(id, tracks: 1)));
        var noticed = new ConcurrentDictionary<int, DateTimeOffset>();
        server.Fleet.StatusChanged += (_, change) =>
        {
            if (change.Current == MotionStatus.Disconnected)
            {
                noticed.TryAdd(change.DeviceId, DateTimeOffset.UtcNow);
            }
        };

        var left = DateTimeOffset.UtcNow;
        await Task.WhenAll(fleet.Devices.Select(d => d.LeaveAsync()));
        var allLeft = DateTimeOffset.UtcNow;
        await Task.WhenAll(ids.Select(id => server.WaitForAsync(id, m => m.Status == MotionStatus.Disconnected, Interval + ConnectTimeout + Slack + (allLeft - left))));

        noticed.Keys.Should().BeEquivalentTo(ids);
        noticed.Values.Max().Should().BeOnOrBefore(allLeft + Interval + ConnectTimeout + Slack, "every departure of the wave is noticed within Interval + ConnectTimeout");

        foreach (var device in fleet.Devices)
        {
            device.AddTrack(FleetBuilder.Track(device.Id, session: 1)); // out sailing again
        }

        await Task.WhenAll(fleet.Devices.Select(d => d.JoinAsync()));
        await Task.WhenAll(ids.Select(id => server.WaitForCompletedAsync(id, tracks: 2)));
    }

    public void Dispose() => _temp.Dispose();
}
