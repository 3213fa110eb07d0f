using System.Net;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.State;

public sealed class FleetStatePresenceClaimsTests
{
    private readonly FleetState _fleet = new(new FakeTimeProvider(new DateTimeOffset(2025, 10, 12, 9, 0, 0, TimeSpan.Zero)), id => $"motion-{id}", "/event");
    private readonly Dictionary<int, TimeSpan> _due = [];

    public FleetStatePresenceClaimsTests()
    {
        _fleet.ApplyRoster(StageRig.RosterOf([801, 802, 803, 804, 805]));
        foreach (int id in new[] { 801, 802, 803, 804 })
        {
            _fleet.MarkConnected(id, IPAddress.Parse($"127.0.0.{id - 800}"));
            _fleet.MarkCompleted(id);
        }

        _fleet.MarkConnected(804, IPAddress.Parse("127.0.0.4")); // being inspected again: not probed
    }

    private TimeSpan DueAt(int id) => _due.TryGetValue(id, out var at) ? at : TimeSpan.MinValue;

    [Fact]
    public void Claim_TakesOnlyCompletedDevicesDueByTheMoment_WithTheirAddresses()
    {
        _due[802] = TimeSpan.FromSeconds(10);

        var claimed = _fleet.ClaimForPresenceProbe(DueAt, TimeSpan.FromSeconds(5), max: 100);

        claimed.Should().BeEquivalentTo([(801, IPAddress.Parse("127.0.0.1")), (803, IPAddress.Parse("127.0.0.3"))]);
    }

    [Fact]
    public void Claim_OverTheMax_TakesTheEarliestDue_AndAClaimedDeviceIsNotClaimedAgainUntilReleased()
    {
        _due[801] = TimeSpan.FromSeconds(3);
        _due[802] = TimeSpan.FromSeconds(1);
        _due[803] = TimeSpan.FromSeconds(2);

        _fleet.ClaimForPresenceProbe(DueAt, TimeSpan.FromSeconds(5), max: 2).Select(c => c.Id).Should().BeEquivalentTo([802, 803]);
        _fleet.ClaimForPresenceProbe(DueAt, TimeSpan.FromSeconds(5), max: 2).Select(c => c.Id).Should().Equal(801);
        _fleet.ClaimForPresenceProbe(DueAt, TimeSpan.FromSeconds(5), max: 2).Should().BeEmpty();

        _fleet.Release(803);
        _fleet.ClaimForPresenceProbe(DueAt, TimeSpan.FromSeconds(5), max: 2).Select(c => c.Id).Should().Equal(803);
    }
}
