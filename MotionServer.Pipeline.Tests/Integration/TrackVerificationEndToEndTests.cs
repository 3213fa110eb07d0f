using System.Text.Json;
using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Faults;
using MotionServer.Emulator.Fleet;
using MotionServer.Emulator.Tracks;
using MotionServer.Pipeline.Tests.Support;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Integration;

/// <summary>Verification after every download, over real sockets: valid tracks pass silently, damaged ones are fetched once more and kept with their verdict.</summary>
public sealed class TrackVerificationEndToEndTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string NameOf(int id, EmulatedTrack track) =>
        TrackName.Create($"F{id}", id, TrackName.LocalStartOf(track.StartDate, track.TimezoneMinutes ?? 60)).FileName;

    private static int TrackRequests(EmulatedDevice device, EmulatedTrack track) =>
        device.Requests.Count(r => string.Equals(r.Path, track.Path, StringComparison.Ordinal));

    private static EmulatedTrack Generate(int id, int session, int frequency, int firmware) =>
        MotionServer.Emulator.Generation.TrackGenerators.Default.Generate(new MotionServer.Emulator.Generation.TrackSpec(
            id, $"N{id}", FleetBuilder.SessionStart.AddHours(session), TimeSpan.FromMinutes(5), FrequencyHz: frequency, Firmware: firmware, Seed: session));

    private static async Task<EmulatedFleet> FleetAsync(int id, params EmulatedTrack[] tracks)
    {
        var fleet = EmulatedFleet.Create([new DeviceSetup(DeviceProfile.Create(id), tracks)]);
        await fleet.JoinAllAsync();
        return fleet;
    }

    private static JsonElement Ledger(PipelineHarness server, int id, string name)
    {
        using var ledger = JsonDocument.Parse(File.ReadAllText(server.Folder.LedgerFile($"motion-{id}")));
        return ledger.RootElement.GetProperty(name).Clone();
    }

    [Fact]
    public async Task GenerateServeDownloadVerify_SummaryEqualsTheGenerators_WithNoWarningAndOneFetch()
    {
        // Every rate devices log at, and an older firmware build.
        await using var fleet = await FleetAsync(850,
            FleetBuilder.Track(850, 0, minutes: 6),
            FleetBuilder.Track(850, 1, minutes: 4, maxSpeedKnots: 30),
            Generate(850, 2, frequency: 10, firmware: 3068),
            Generate(850, 3, frequency: 1, firmware: 3111),
            Generate(850, 4, frequency: 2, firmware: 3118));
        await using var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet));

        await server.WaitForCompletedAsync(850, tracks: 5);

        foreach (var track in fleet[850].Tracks)
        {
            string name = NameOf(850, track);
            var verification = Ledger(server, 850, name).GetProperty("verification");
            verification.GetProperty("verdict").GetString().Should().Be("valid");
            verification.GetProperty("defects").GetArrayLength().Should().Be(0);
            verification.GetProperty("duration").GetInt64().Should().Be(track.Duration);
            verification.GetProperty("distance").GetInt64().Should().Be(track.Distance);
            verification.GetProperty("2s_best").GetInt64().Should().Be(track.Best2s);
            verification.GetProperty("10s_best").GetInt64().Should().Be(track.Best10s);
            verification.GetProperty("500m_best").GetInt64().Should().Be(track.Best500m);
            TrackRequests(fleet[850], track).Should().Be(1, "a valid track is fetched once");
            string expected = $"motion-850 {name} downloaded - "
                + TrackFigures.Summary(track.Size, track.Duration, track.Distance, track.Best500m)
                + TrackFigures.ShortBests(track.Best2s, track.Best10s) + ", verified";
            server.Log.Messages(LogLevel.Information).Should().Contain(expected);
        }

        server.Log.Messages(LogLevel.Warning).Should().BeEmpty();
        server.Fleet.GetMotion(850)!.DamagedTracks.Should().BeEmpty();
        server.Log.Messages(LogLevel.Debug).Should().Contain(m => m.Contains(" verification notes - header distance ", StringComparison.Ordinal)
            && m.Contains("compared loosely (the device's rule is unknown)", StringComparison.Ordinal), "what is compared only loosely is said");
    }

    [Fact]
    public async Task TrackDamagedOnTheDevice_IsFetchedOnceMore_ThenKeptWithItsVerdictWarningLedgerStatusAndDashboardMark()
    {
        var healthy = FleetBuilder.Track(851, 0);
        var damaged = DamagedTracks.Damage(FleetBuilder.Track(851, 1), TrackDamageKind.FlippedByte);
        await using var fleet = await FleetAsync(851, healthy, damaged);
        await using var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet));

        var motion = await server.WaitForCompletedAsync(851, tracks: 2);

        string name = NameOf(851, damaged);
        motion.CanBeDisconnected.Should().BeTrue("every owed track is on disk");
        motion.DamagedTracks.Select(t => t.FileName).Should().Equal(name);
        TrackRequests(fleet[851], damaged).Should().Be(2, "a track that fails verification is fetched once more");
        TrackRequests(fleet[851], healthy).Should().Be(1);
        File.ReadAllBytes(server.TrackPath(name)).Should().Equal(damaged.Content.ToArray(), "the device's data is kept as it is");

        var entry = Ledger(server, 851, name);
        entry.GetProperty("status").GetString().Should().Be("completed");
        entry.GetProperty("verification").GetProperty("verdict").GetString().Should().Be("damaged");
        string defect = entry.GetProperty("verification").GetProperty("defects")[0].GetString()!;
        defect.Should().MatchRegex("^bad checksum in frame 0x0AD[45] at offset [0-9]+$");
        Ledger(server, 851, NameOf(851, healthy)).GetProperty("verification").GetProperty("verdict").GetString().Should().Be("valid");

        var messages = server.Log.Lines.Select(l => l.Message).ToList();
        server.Log.Messages(LogLevel.Warning).Should().Equal($"motion-851 {name} damaged - {defect} (fetched twice, kept)");
        messages.Should().Contain(m => m.StartsWith($"motion-851 {name} downloaded - ", StringComparison.Ordinal) && m.EndsWith(", damaged", StringComparison.Ordinal));
        messages.IndexOf($"motion-851 {name} damaged - {defect} (fetched twice, kept)").Should().BeLessThan(messages.IndexOf("motion-851 can be disconnected"),
            "the staff see the warning before they hand the device back");

        await server.StopAsync(); // the final dashboards
        using var status = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(server.Folder.DashboardsDirectory, "status.json")));
        var device = status.RootElement.GetProperty("motions")[0];
        device.GetProperty("damagedTracks").GetArrayLength().Should().Be(1);
        device.GetProperty("damagedTracks")[0].GetProperty("file").GetString().Should().Be(name);
        device.GetProperty("damagedTracks")[0].GetProperty("defects")[0].GetString().Should().Be(defect);
        string index = File.ReadAllText(Path.Combine(server.Folder.DashboardsDirectory, "index.html"));
        index.Should().Contain("<div class=\"damaged\">").And.Contain($"<li>{name}: {defect}</li>");
        string tracks = File.ReadAllText(Path.Combine(server.Folder.DashboardsDirectory, "tracks.html"));
        tracks.Should().Contain($"<td class=\"verdict verdict-damaged\">damaged: <span class=\"defects\">{defect}</span></td>")
            .And.Contain("<td class=\"verdict verdict-valid\">valid</td>");

        using var output = new StringWriter();
        MotionServer.Host.Verify.VerifyCommand.Run(["--event-dir", server.EventDirectory], output, TextWriter.Null).Should().Be(1);
        var rows = output.ToString().Split('\n').Where(l => l.StartsWith("F851_", StringComparison.Ordinal)).ToList();
        rows.Should().HaveCount(2);
        rows.Should().ContainSingle(r => r.Contains(" damaged ", StringComparison.Ordinal)).Which.Should().StartWith(name, "verify names exactly the damaged track");
    }

    [Fact]
    public async Task TrackCutMidFrame_WithTheCutSizeAnnounced_IsKeptAsTruncated()
    {
        var cut = DamagedTracks.Damage(FleetBuilder.Track(852, 0), TrackDamageKind.CutMidFrame);
        await using var fleet = await FleetAsync(852, cut);
        await using var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet));

        await server.WaitForCompletedAsync(852, tracks: 1);

        string name = NameOf(852, cut);
        File.ReadAllBytes(server.TrackPath(name)).Should().Equal(cut.Content.ToArray());
        var verification = Ledger(server, 852, name).GetProperty("verification");
        verification.GetProperty("verdict").GetString().Should().Be("damaged");
        verification.GetProperty("defects").EnumerateArray().Select(d => d.GetString()).Should().Contain(d => d!.StartsWith("cut mid-frame", StringComparison.Ordinal));
        server.Log.Messages(LogLevel.Warning).Should().ContainSingle().Which.Should().StartWith($"motion-852 {name} damaged - ");
    }

    [Fact]
    public async Task TrackDamagedInTransitOnce_TheSecondCopyDiffers_IsVerifiedAndKeptInstead()
    {
        var track = FleetBuilder.Track(853, 0);
        await using var fleet = await FleetAsync(853, track);
        fleet[853].Faults.Add(DeviceFault.CorruptByte(track.Size / 2).On(track.Path).Once());
        await using var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet));

        var motion = await server.WaitForCompletedAsync(853, tracks: 1);

        string name = NameOf(853, track);
        TrackRequests(fleet[853], track).Should().Be(2);
        File.ReadAllBytes(server.TrackPath(name)).Should().Equal(track.Content.ToArray(), "the good second copy replaced the damaged first");
        Ledger(server, 853, name).GetProperty("verification").GetProperty("verdict").GetString().Should().Be("valid");
        motion.DamagedTracks.Should().BeEmpty();
        server.Log.Messages(LogLevel.Warning).Should().BeEmpty();
        server.FilesUnderTracks().Should().ContainSingle("no second copy or partial file remains").Which.Should().Be(Path.Combine(name.Split('_')[2], name));
    }
}
