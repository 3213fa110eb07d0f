using Microsoft.Extensions.Time.Testing;
using MotionServer.Emulator.Demo;
using MotionServer.Emulator.Generation;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Emulator;

public sealed class RealisticFleetTests
{
    private static readonly DateOnly Today = new(2025, 10, 12);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 10, 12, 17, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Build_TwentyDevices_ShapesLikeARealEvent()
    {
        var options = new RealisticFleetOptions { Devices = 20, TracksPerDevice = 3, Generator = TrackGenerators.Filler };

        var plan = RealisticFleet.Build(options, _clock);

        plan.Devices.Should().HaveCount(20);
        plan.Devices.Select(d => d.Profile.Id).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems().And.StartWith(801);
        plan.Devices.Should().AllSatisfy(d =>
        {
            d.Tracks.Count(t => DateOnly.FromDateTime(TrackName.LocalStartOf(t.StartDate, t.TimezoneMinutes!.Value)) == Today).Should().Be(3);
            d.Tracks.Should().HaveCount(5);
            d.Tracks.Select(t => t.Path).Should().OnlyHaveUniqueItems();
            d.BandwidthBytesPerSecond.Should().BeInRange(440_000, 990_000);
        });
        var roster = RosterCsvReader.Read(new StringReader(plan.RosterCsv), "motions.csv");
        plan.Devices.Should().AllSatisfy(d => roster.Find(d.Profile.Id, Today).Should().NotBeNull());
    }

    [Fact]
    public void Build_SameSeedTwice_GivesTheSameFleet()
    {
        var options = new RealisticFleetOptions { Devices = 5, Seed = 7 };

        var first = RealisticFleet.Build(options, _clock);
        var second = RealisticFleet.Build(options, _clock);

        second.Devices.Select(d => d.Profile).Should().Equal(first.Devices.Select(d => d.Profile));
        second.RosterCsv.Should().Be(first.RosterCsv);
        second.Devices.SelectMany(d => d.Tracks).Zip(first.Devices.SelectMany(d => d.Tracks)).Should().AllSatisfy(pair =>
        {
            pair.First.Path.Should().Be(pair.Second.Path);
            pair.First.Content.ToArray().Should().Equal(pair.Second.Content.ToArray());
        });
    }

    [Fact]
    public void Build_ManyDevices_HasSomeLowBatteriesOldFirmwareAndLcds()
    {
        var plan = RealisticFleet.Build(new RealisticFleetOptions { Devices = 200, TracksPerDevice = 0, OlderTracksPerDevice = 0 }, _clock);
        var profiles = plan.Devices.Select(d => d.Profile).ToList();

        profiles.Should().Contain(p => p.BatteryLevel < 60);
        profiles.Should().Contain(p => p.Firmware.UsesLegacyShape);
        profiles.Should().Contain(p => p.Settings.CustomLed == null);
        profiles.Count(p => p.BatteryLevel >= 60).Should().BeGreaterThan(profiles.Count / 2);
    }
}
