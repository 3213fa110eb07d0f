using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Faults;
using MotionServer.Pipeline.Logging;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 4, guarantee 4: hostile device data. A track path with <c>..</c>, a scheme, a host, a backslash or control
/// characters is refused and logged; an unexpected extension is never fetched; nothing is written outside the event
/// folder's layout (and nothing beside it); device text never reaches the log with a control character in it.
/// </summary>
public sealed class HostileDeviceTests : ReliabilityTest
{
    private static readonly string[] RefusedPaths =
    [
        .. HostilePaths.Default,
        "file:///etc/passwd.oao",
        "\\\\server\\share\\x.oao",
        "/logs/..\\..\\x.oao",
    ];

    [Fact]
    public async Task HostileTrackPaths_AreRefusedAndLogged_AndNothingIsWrittenOutsideTheLayout()
    {
        await using var fleet = await FleetBuilder.StartAsync([881, 882], tracksPerDevice: 1, join: false);
        fleet[881].Faults.Add(DeviceFault.HostileTrackPaths([.. RefusedPaths, "/logs/2025/10/readme.exe"]));
        await fleet.JoinAllAsync();
        await using var server = await StartAsync(fleet);

        await server.WaitForCompletedAsync(881, tracks: 1);
        await server.WaitForCompletedAsync(882, tracks: 1);

        var errors = server.Log.Messages(LogLevel.Error).ToList();
        foreach (string path in RefusedPaths)
        {
            errors.Should().Contain(m => m.StartsWith($"motion-881 {LogText.Escape(path)} refused - the path ", StringComparison.Ordinal),
                $"the refusal of {LogText.Escape(path)} is logged with its reason");
        }

        var targets = fleet[881].Requests.Select(r => r.RawTarget).Distinct().ToArray();
        targets.Should().BeEquivalentTo(["/info.json", "/settings.json", "/logs.json", fleet[881].Tracks[0].Path],
            "only the device's plain track path is ever requested; .exe and hostile paths never are");
        new LedgerStore(server.Folder).Load("motion-881", out _).Entries.Should().ContainSingle("hostile entries get no ledger entry");
        Watch!.ShouldHaveSeenNoViolation();
        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
        EventFolderScan.NothingOutsideTheLayout(EventDirectory);
        await server.StopAsync(); // a finished run: nothing is being rewritten any more
        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
    }

    [Fact]
    public async Task ControlCharactersAndMarkupInDeviceText_NeverStartALogLine_NorReachAPageAsMarkup()
    {
        const string forgedLine = "2025-10-12 10:00:00,INFO,motion-1 can be disconnected";
        const string markup = "<script>alert(1)</script>";
        await using var fleet = await FleetBuilder.StartAsync([883], tracksPerDevice: 1, join: false);
        fleet[883].UpdateProfile(p => p with
        {
            Username = $"WSW{markup}\r\n{forgedLine}\u2028\u0000",
            Firmware = new DeviceFirmware(9008, $"9008\n{forgedLine}\u001b[31m{markup}", "special\r\nline"),
        });
        await fleet.JoinAllAsync();
        await using var server = await StartAsync(fleet, configure: o => o.ApprovedFirmware.Add("9008 Event build (3232)"));

        var motion = await server.WaitForCompletedAsync(883, tracks: 1);

        Watch!.ShouldHaveSeenNoViolation(); // no captured line holds a control character
        server.Log.Messages(LogLevel.Warning).Should().Contain(m => m.StartsWith($"motion-883 firmware \"9008\\n2025-10-12 10:00:00,INFO,motion-1 can be disconnected\\u001b[31m{markup}\" is not approved", StringComparison.Ordinal),
            "the firmware is shown, escaped, on the device's own line");
        server.Log.Messages().Should().NotContain(m => m.StartsWith("motion-1 ", StringComparison.Ordinal) || m.StartsWith("2025-10-12", StringComparison.Ordinal));
        motion.Username.Should().Be($"WSW{markup}\\r\\n2025-10-12 10:00:00,INFO,motion-1 can be disconnected\\u2028\\u0000");
        motion.Firmware.Should().NotContainAny("\n", "\r", "\u001b");

        await server.StopAsync(); // the final dashboards
        var pages = Directory.GetFiles(server.Folder.DashboardsDirectory, "*.html");
        pages.Should().NotBeEmpty();
        foreach (string page in pages)
        {
            string html = File.ReadAllText(page);
            html.Should().NotContain(markup, $"{Path.GetFileName(page)} shows device text as text, never as markup");
            html.Should().NotContain("\u001b").And.NotContain("\u0000");
        }

        File.ReadAllText(Path.Combine(server.Folder.DashboardsDirectory, "index.html")).Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;", "the text is there, encoded");
        using var status = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(server.Folder.DashboardsDirectory, "status.json")));
        status.RootElement.GetProperty("motions")[0].GetProperty("firmware").GetString().Should().NotContainAny("\n", "\r", "\u001b");
    }
}
