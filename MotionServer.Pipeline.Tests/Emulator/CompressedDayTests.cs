using System.Collections.Concurrent;
using System.Net.Http;
using MotionServer.Emulator.Cli;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Roster;

namespace MotionServer.Pipeline.Tests.Emulator;

/// <summary>
/// The emulator's compressed day, over real sockets: a stand-in server downloads what each device holds as soon as it
/// joins (logs.json, then every log), as the real server does, or nothing at all.
/// </summary>
public sealed class CompressedDayTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Morning = new(2025, 10, 12, 8, 0, 0, TimeSpan.Zero);

    private static readonly CompressedDayOptions Quick = new()
    {
        Waves = 2,
        JoinsPerWave = 2,
        Spread = TimeSpan.FromMilliseconds(50),
        StayAtLeast = TimeSpan.FromMilliseconds(10),
        StayAtMost = TimeSpan.FromMilliseconds(20),
        AwayAtLeast = TimeSpan.FromMilliseconds(50),
        Patience = Signal.Timeout,
    };

    private readonly HttpClient _http = EmulatorHttp.Client();
    private readonly ConcurrentQueue<Task> _downloads = new();
    private readonly ConcurrentDictionary<int, int> _joins = new();

    [Fact]
    public async Task ADay_EveryVisitIsServed_AndBringsANewLog_AndEveryDeviceEndsAway()
    {
        await using var fleet = EmulatedFleet.Create(Enumerable.Range(801, 3));
        ServeEveryJoin(fleet);

        var waves = new List<(int Wave, DayTally Tally)>();
        var day = await new CompressedDay(fleet, Quick, TimeProvider.System, Sailed)
            .RunAsync((wave, tally) => waves.Add((wave, tally)), CancellationToken.None).WaitAsync(Signal.Timeout);

        day.Should().Be(new DayTally(Joins: 4, Served: 4));
        waves.Should().Equal((1, new DayTally(2, 2)), (2, new DayTally(2, 2)));
        fleet.Online.Should().BeEmpty("every device leaves after its visit");
        foreach (var device in fleet.Devices)
        {
            device.Tracks.Should().HaveCount(_joins.GetValueOrDefault(device.Id), "each visit brings the log of a new session");
        }

        await Task.WhenAll(_downloads).WaitAsync(Signal.Timeout);
    }

    [Fact]
    public async Task ADeviceNeverServed_GivesUpAfterItsPatience_CountsAsNotServed_AndLeaves()
    {
        await using var fleet = EmulatedFleet.Create(Enumerable.Range(801, 2));
        var options = Quick with { Waves = 1, Patience = TimeSpan.FromMilliseconds(200) };

        var day = await new CompressedDay(fleet, options, TimeProvider.System, Sailed).RunAsync(null, CancellationToken.None).WaitAsync(Signal.Timeout);

        day.Should().Be(new DayTally(Joins: 2, Served: 0));
        day.NotServed.Should().Be(2);
        fleet.Online.Should().BeEmpty();
    }

    [Fact]
    public async Task AVisitWithLogsAskedButALogNotSentWhole_IsNotServed()
    {
        await using var fleet = EmulatedFleet.Create(Enumerable.Range(801, 1));
        foreach (var device in fleet.Devices)
        {
            device.PresenceChanged += (_, online) =>
            {
                if (online)
                {
                    _downloads.Enqueue(_http.GetAsync(new Uri(device.BaseUri, "logs.json"))); // and no log
                }
            };
        }

        var options = Quick with { Waves = 1, JoinsPerWave = 1, Patience = TimeSpan.FromMilliseconds(300) };
        var day = await new CompressedDay(fleet, options, TimeProvider.System, Sailed).RunAsync(null, CancellationToken.None).WaitAsync(Signal.Timeout);

        day.Should().Be(new DayTally(Joins: 1, Served: 0));
    }

    [Fact]
    public async Task DayCommand_WritesTheFiles_SaysReady_ThenALinePerWave_AndTheDay()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"emulator-day-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var arguments = new DayArguments
        {
            Devices = 2, Waves = 1, JoinsPerWave = 2, Spread = TimeSpan.Zero, SessionLength = TimeSpan.FromMinutes(1),
            HostsFile = Path.Combine(folder, "hosts"), Roster = Path.Combine(folder, "motions.csv"),
        };
        using var output = new StringWriter();
        try
        {
            var run = new DayCommand(arguments, output, TimeProvider.System).RunAsync(CancellationToken.None, Quick, started: ServeEveryJoin);
            var day = await run.WaitAsync(Signal.Timeout);

            day.Should().Be(new DayTally(Joins: 2, Served: 2));
            output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().SatisfyRespectively(
                line => line.Should().MatchRegex(@"^ready port=\d+ devices=2$"),
                line => line.Should().Be("wave 1/1: 2 joins, 2 served, 0 not served"),
                line => line.Should().Be("day: 2 joins, 2 served, 0 not served"));
            RosterCsvReader.ReadFile(arguments.Roster).DeviceIds.Should().BeEquivalentTo([801, 802]);
            await Task.WhenAll(_downloads).WaitAsync(Signal.Timeout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ParseDay_UsesTheDefaults_AndRefusesMoreJoinsThanDevices()
    {
        var defaults = DayArguments.From(EmulatorCommandLine.Parse(["day", "--hosts-file", "h", "--roster", "m.csv"]), out var none);

        none.Should().BeEmpty();
        defaults.Should().BeEquivalentTo(new
        {
            Devices = 130, Waves = 6, JoinsPerWave = 113, Spread = TimeSpan.FromSeconds(40), Port = 0, SessionLength = TimeSpan.FromMinutes(10),
            Bandwidth = 680_000L, Seed = 677, HostsFile = "h", Roster = "m.csv",
        });
        DayArguments.From(EmulatorCommandLine.Parse(["day", "--hosts-file", "h", "--roster", "m.csv", "--waves", "0"]), out var badWaves).Should().BeNull();
        badWaves.Should().Equal("--waves \"0\" is not a whole number from 1 to 1000");
        DayArguments.From(EmulatorCommandLine.Parse(["day", "--hosts-file", "h", "--roster", "m.csv", "--devices", "10", "--joins", "11"]), out var tooMany).Should().BeNull();
        tooMany.Should().Equal("--joins 11 is more than --devices 10");
        DayArguments.From(EmulatorCommandLine.Parse(["day", "--hosts-file", "h", "--roster", "m.csv", "--joins", "131"]), out var overDefault).Should().BeNull();
        overDefault.Should().Equal("--joins 131 is more than --devices 130");
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_downloads.Select(d => d.ContinueWith(_ => { }, TaskScheduler.Default)));
        _http.Dispose();
    }

    private static EmulatedTrack Sailed(EmulatedDevice device, int visit) =>
        TestTracks.Make(device.Id, Morning.AddHours(visit), size: 4_096, seed: visit);

    /// <summary>The stand-in server: at every join, logs.json, then every log the device holds, each read whole.</summary>
    private void ServeEveryJoin(EmulatedFleet fleet)
    {
        foreach (var device in fleet.Devices)
        {
            device.PresenceChanged += (_, online) =>
            {
                if (online)
                {
                    _joins.AddOrUpdate(device.Id, 1, (_, n) => n + 1);
                    _downloads.Enqueue(DownloadAsync(device));
                }
            };
        }
    }

    private async Task DownloadAsync(EmulatedDevice device)
    {
        (await _http.GetAsync(new Uri(device.BaseUri, "logs.json"))).EnsureSuccessStatusCode();
        foreach (var track in device.Tracks)
        {
            await _http.GetByteArrayAsync(new Uri(device.BaseUri, track.Path.TrimStart('/')));
        }
    }
}
