using Microsoft.Extensions.Time.Testing;
using MotionServer.Emulator.Demo;
using MotionServer.Emulator.Devices;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Tracks;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Emulator;

public sealed class DemoFleetTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2025, 10, 12);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 10, 12, 15, 30, 0, TimeSpan.Zero));
    private DemoFleet _demo = null!;

    public async Task InitializeAsync() => _demo = await DemoFleet.StartAsync(_clock);

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    private static DateOnly LocalDate(EmulatedTrack track) =>
        DateOnly.FromDateTime(TrackName.LocalStartOf(track.StartDate, track.TimezoneMinutes ?? 60));

    [Fact]
    public void StartAsync_FakeClock_BuildsTwelveDevicesWithRealisticVariety()
    {
        var devices = _demo.Fleet.Devices;

        devices.Should().HaveCount(12);
        devices.Count(d => d.Profile.BatteryLevel < 60).Should().BeGreaterThanOrEqualTo(2);
        devices.Should().ContainSingle(d => d.Profile.Firmware.UsesLegacyShape);
        devices.Should().ContainSingle(d => d.Profile.Settings.OneLogPerDay).Which.Id.Should().Be(DemoFleet.OneLogPerDayDevice);
        devices.Should().ContainSingle(d => d.Profile.Settings.CustomLed == null);
        devices.Where(d => d.Id != DemoFleet.OneLogPerDayDevice).Should().AllSatisfy(d =>
        {
            d.Profile.Settings.GnssRate.Should().Be(5);
            d.Profile.Settings.TimezoneMinutes.Should().Be(60);
        });
        devices.Should().AllSatisfy(d => d.IsOnline.Should().BeFalse("nobody arrives before the clock moves"));
        _demo.Port.Should().Be(_demo.Fleet.Port);
    }

    [Fact]
    public void Tracks_Demo_AreValidLogsDatedTodaySizedAsAtEvents()
    {
        const long MB = 1_000_000;
        const long OneKnot = 1852 * 1000 / 3600; // mm/s
        foreach (var device in _demo.Fleet.Devices)
        {
            var today = device.Tracks.Where(t => LocalDate(t) == Today).ToList();
            today.Count(t => t.Duration > 0).Should().BeInRange(1, 5, device.Hostname);
            device.Tracks.Except(today).Where(t => LocalDate(t) >= Today.AddDays(-7)).Should().BeEmpty("other logs are last month's");
            var inOrder = today.OrderBy(t => t.StartDate).ToList();
            for (int i = 1; i < inOrder.Count; i++)
            {
                inOrder[i - 1].EndDate.Should().BeLessThanOrEqualTo(inOrder[i].StartDate, "a device logs one session at a time");
            }

            foreach (var track in device.Tracks)
            {
                track.Duration.Should().BeLessThanOrEqualTo((long)TimeSpan.FromHours(12).TotalMilliseconds);
                track.Size.Should().Be(track.Content.Length).And.BeLessThanOrEqualTo(25 * MB);
                var read = OaoReader.Read(track.Content.Span);
                bool damaged = device.Id == DemoFleet.DamagedTrackDevice && track == device.Tracks[^1];
                read.Anomalies.Should().HaveCount(damaged ? 1 : 0, track.Path);
                read.BadChecksumCount.Should().Be(damaged ? 1 : 0, "the demo shows one damaged track: a flipped byte");
                read.Header!.StartDate.Should().Be(track.StartDate);
                DevicePath.Check(track.Path).Should().BeNull();
            }
        }

        var sailed = _demo.Fleet.Devices.SelectMany(d => d.Tracks).Where(t => t.Best500m >= OneKnot).Select(t => t.Size).Order().ToList();
        sailed[sailed.Count / 2].Should().BeInRange(MB / 2, MB, "the median session is some 0.7 MB");
        sailed.Count(size => size >= 5 * MB).Should().BeInRange(2, 4, "a few long logs take a while to download");
        _demo.Fleet.Devices.SelectMany(d => d.Tracks).Where(t => t.Duration > 0).Should()
            .Contain(t => t.Duration >= (long)TimeSpan.FromHours(1).TotalMilliseconds, "sessions last one to several hours");
        _demo.Fleet[808].Tracks.Should().Contain(t => t.Size == 1536 && t.Best500m == 0, "one log never sailed");
        _demo.Fleet[DemoSessions.SlowSessionDevice].Tracks.Should().Contain(t => t.Duration > 0 && t.Best500m < OneKnot, "one walk up the beach is too slow to keep");
        _demo.Fleet.Devices.Sum(d => d.Tracks.Sum(t => t.Size)).Should().BeLessThan(80L * 1024 * 1024);
    }

    [Fact]
    public void Tracks_Demo_ExactlyOneDeviceHoldsAGlitchInItsFirstLogOfTheDay()
    {
        const double Knot = 1852.0 * 1000 / 3600; // mm/s

        var glitched = _demo.Fleet.Devices.Where(d => d.Tracks.Any(Tracks.TrackGlitchTests.HasGlitch)).ToList();

        glitched.Should().ContainSingle("the demo shows one suspect track").Which.Id.Should().Be(DemoFleet.GlitchedTrackDevice);
        var device = glitched[0];
        var first = device.Tracks.Where(t => LocalDate(t) == Today).MinBy(t => t.StartDate)!;
        device.Tracks.Where(Tracks.TrackGlitchTests.HasGlitch).Should().ContainSingle().Which.Should().Be(first);
        first.Best2s.Should().BeGreaterThan((long)(0.6 * 62 * Knot), "logs.json carries the device's figures, the glitch counted");
    }

    [Fact]
    public void Demo_RidersOfSeveralCraftsAndClasses_EachSailAtTheirOwnSpeed()
    {
        const double Knot = 1852.0 * 1000 / 3600; // mm/s
        var rows = _demo.RosterCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        var riders = _demo.Fleet.Devices.Select(d => (d.Id, Rider: DemoRiders.Of(d.Id))).ToList();

        riders.Select(r => r.Rider.Craft).Distinct().Should().HaveCountGreaterThanOrEqualTo(3, "a few craft types: sailboards, kites, foils");
        riders.Select(r => r.Rider.Class).Where(c => c.Length > 0).Distinct().Should().HaveCountGreaterThanOrEqualTo(2, "a few classes");
        riders.Max(r => r.Rider.TopKnots).Should().BeGreaterThan(1.5 * riders.Min(r => r.Rider.TopKnots), "the fastest well above the slowest");
        riders.Should().AllSatisfy(r => rows.Should().Contain(row => row[2] == $"{r.Id}" && row[8] == r.Rider.Craft && row[9] == r.Rider.Class, "the roster says who sails what"));
        _demo.Fleet.Devices.Where(d => d.Id != DemoFleet.GlitchedTrackDevice).Should().AllSatisfy(d =>
        {
            double best = d.Tracks.Max(t => t.Best500m) / Knot, top = DemoRiders.Of(d.Id).TopKnots;
            best.Should().BeInRange(0.5 * top, top, $"{d.Hostname} sails near its rider's own top speed");
        });
    }

    [Fact]
    public void RosterCsv_Demo_ParsesAndCoversEveryDeviceToday()
    {
        var roster = RosterCsvReader.Read(new StringReader(_demo.RosterCsv), "motions.csv");

        _demo.RosterCsv.Should().StartWith("Entrant ID,Tally,Motion ID,Start Date,End Date,File ID,First Name,Family Name,Craft Type,Class,Status,Entry Type\n");
        _demo.Fleet.Devices.Should().AllSatisfy(d => roster.Find(d.Id, Today).Should().NotBeNull(d.Hostname));
        roster.Contains(DemoFleet.SpareDevice).Should().BeTrue();
        roster.EntriesFor(810).Should().HaveCount(2);
        roster.Entries.Should().AllSatisfy(e => e.FileId.Should().MatchRegex("^[A-Z]{3}[0-9]+[A-Z]{3}$"));
    }

    [Fact]
    public async Task Schedule_FakeClock_EveryDeviceVisitsAndReturningDevicesBringMore()
    {
        var visited = new HashSet<int>();
        foreach (var device in _demo.Fleet.Devices)
        {
            device.PresenceChanged += (sender, online) =>
            {
                lock (visited)
                {
                    visited.Add(((EmulatedDevice)sender!).Id);
                }
            };
        }

        long dayLog = _demo.Fleet[DemoFleet.OneLogPerDayDevice].Tracks[0].Size;
        int logs = _demo.Fleet[DemoFleet.ReturningDevice].Tracks.Count;

        _clock.Advance(_demo.Schedule.End + TimeSpan.FromSeconds(1));
        await _demo.Completion.WaitAsync(Signal.Timeout);

        visited.Should().HaveCount(12);
        _demo.Fleet.Online.Should().BeEmpty("every visit ends");
        _demo.Schedule.End.Should().BeGreaterThan(TimeSpan.FromMinutes(2)).And.BeLessThan(TimeSpan.FromMinutes(6));
        _demo.Fleet[DemoFleet.OneLogPerDayDevice].Tracks.Should().ContainSingle().Which.Size.Should().BeGreaterThan(dayLog);
        _demo.Fleet[DemoFleet.ReturningDevice].Tracks.Should().HaveCount(logs + 1);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(23, 58)]
    public async Task StartAsync_NearMidnight_StillDatesEveryDeviceALogToday(int hour, int minute)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 10, 12, hour, minute, 0, TimeSpan.Zero));
        await using var demo = await DemoFleet.StartAsync(new DemoFleetOptions { StartSchedule = false }, clock);

        demo.Fleet.Devices.Should().AllSatisfy(d => d.Tracks.Should().Contain(t => LocalDate(t) == Today && t.Duration > 0));
    }

    [Fact]
    public void StartAsync_FlakyDevice_HasAOneShotAbortOnItsFirstTrack()
    {
        var flaky = _demo.Fleet[DemoFleet.FlakyDevice];

        flaky.Faults.Active.Should().ContainSingle().Which.Times.Should().Be(1);
    }

    [Fact]
    public async Task WriteHostsFile_Demo_NamesEveryDevice()
    {
        string path = Path.Combine(Path.GetTempPath(), $"demo-hosts-{Guid.NewGuid():N}.txt");
        try
        {
            _demo.WriteHostsFile(path);

            (await File.ReadAllLinesAsync(path)).Should().HaveCount(12).And.Contain("127.0.0.2 motion-801");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
