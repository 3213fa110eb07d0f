using System.Text.Json;
using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Emulator.Tracks;
using MotionServer.Pipeline.Tests.Support;
using MotionServer.Pipeline.Tracks;
using MotionServer.Pipeline.Tracks.Results;
using MotionServer.Pipeline.Tracks.Verification;
using static MotionServer.Pipeline.Tests.Results.ResultSamples;

namespace MotionServer.Pipeline.Tests.Integration;

/// <summary>
/// A track's results through the real pipeline, over real sockets: a track the rules find suspect is said to be so
/// alike by its ledger entry, its warning, status.json, the tracks page and the day's results files.
/// </summary>
public sealed class TrackResultsEndToEndTests : IDisposable
{
    private const int Id = 853;
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string NameOf(EmulatedTrack track) =>
        TrackName.Create($"F{Id}", Id, TrackName.LocalStartOf(track.StartDate, track.TimezoneMinutes ?? 60)).FileName;

    /// <summary>The server's verdict, and results of the test's own: the suspect one for the file named, plain ones else.</summary>
    private sealed class ScriptedResults(string suspectFile) : ITrackResultsSource
    {
        public CheckedTrack Check(string path, TrackFigures? claims, CancellationToken cancellationToken = default)
        {
            var verdict = StreamingTrackResultsSource.Default.Check(path, claims, cancellationToken).Verdict;
            bool suspect = string.Equals(Path.GetFileName(path), suspectFile, StringComparison.Ordinal);
            return new CheckedTrack(verdict, suspect ? Outcome(22.6, distanceKm: 10, minutes: 5, GlitchReason) : Outcome(18.25, distanceKm: 4, minutes: 4));
        }
    }

    [Fact]
    public async Task SuspectTrack_LedgerWarningStatusJsonTracksPageAndTheDaysResults_AllSayTheSame()
    {
        var plain = FleetBuilder.Track(Id, 0);
        var glitched = FleetBuilder.Track(Id, 1);
        await using var fleet = EmulatedFleet.Create([new DeviceSetup(DeviceProfile.Create(Id), [plain, glitched])]);
        await fleet.JoinAllAsync();
        string name = NameOf(glitched);
        await using var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet), trackResults: new ScriptedResults(name));

        await server.WaitForCompletedAsync(Id, tracks: 2);
        await server.StopAsync(); // the results stage drains, then the final dashboards

        using (var ledger = JsonDocument.Parse(File.ReadAllText(server.Folder.LedgerFile($"motion-{Id}"))))
        {
            var results = ledger.RootElement.GetProperty(name).GetProperty("results");
            results.GetProperty("suspect").GetBoolean().Should().BeTrue();
            results.GetProperty("reasons")[0].GetString().Should().Be(GlitchReason);
            results.GetProperty("figures").GetProperty("2s").GetRawText().Should().Be("22.60");
            ledger.RootElement.GetProperty(NameOf(plain)).GetProperty("results").GetProperty("suspect").GetBoolean().Should().BeFalse();
        }

        var messages = server.Log.Lines.Select(l => l.Message).ToList();
        server.Log.Messages(LogLevel.Warning).Should().Equal($"motion-{Id} {name} suspect - {GlitchReason}");
        messages.IndexOf($"motion-{Id} {name} suspect - {GlitchReason}").Should().BeGreaterThan(messages.FindIndex(m => m.StartsWith($"motion-{Id} {name} downloaded - ", StringComparison.Ordinal)))
            .And.BeLessThan(messages.IndexOf($"motion-{Id} can be disconnected"), "the staff see the warning before they hand the device back");

        using (var status = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(server.Folder.DashboardsDirectory, "status.json"))))
        {
            var device = status.RootElement.GetProperty("motions")[0];
            device.GetProperty("suspectCount").GetInt32().Should().Be(1);
            device.GetProperty("suspectTracks")[0].GetProperty("file").GetString().Should().Be(name);
            device.GetProperty("suspectTracks")[0].GetProperty("reasons")[0].GetString().Should().Be(GlitchReason);
        }

        var tracks = Dashboard.DashboardSamples.Parse(File.ReadAllText(Path.Combine(server.Folder.DashboardsDirectory, "tracks.html")));
        var row = tracks.QuerySelectorAll("tr.track.suspect").Should().ContainSingle().Subject;
        row.QuerySelector("td.file")!.TextContent.Should().Be(name);
        row.QuerySelector("td.rules2s")!.TextContent.Should().Be("22.60");
        row.NextElementSibling!.QuerySelector(".reasons")!.TextContent.Should().Be(GlitchReason);

        var day = DateOnly.ParseExact(name.Split('_')[2], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        string csv = File.ReadAllText(server.Folder.DayResultsFile(day, "csv"));
        csv.Split("\r\n")[1].Should().StartWith($"F{Id},{Id},Test,Sailor{Id},").And.Contain(",2,0:09:00,14.00,22.60,").And.EndWith(",1");
        File.ReadAllText(server.Folder.DayResultsFile(day, "json")).Should().Contain("\"suspectTracks\": 1").And.Contain("\"2s\": 22.60");
    }
}
