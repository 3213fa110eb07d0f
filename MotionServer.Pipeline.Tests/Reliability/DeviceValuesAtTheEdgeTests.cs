using System.Globalization;
using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Faults;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 9: values at the edges of JSON. A device that lists absurd entries (out-of-range numbers, wrong types, broken
/// text) beside its ordinary tracks: each absurd entry is refused on its own with a WARNING naming the device, the
/// entry and the reason; the ordinary tracks are fetched, byte-identical; the rest of the fleet is unaffected.
/// </summary>
public sealed class DeviceValuesAtTheEdgeTests : ReliabilityTest
{
    [Fact]
    public async Task AbsurdEntriesBesideOrdinaryTracks_AreRefusedOneByOne_AndTheOrdinaryTracksAreFetched()
    {
        await using var fleet = await FleetBuilder.StartAsync([891, 892], tracksPerDevice: 2, join: false);
        long start = fleet[891].Tracks[0].StartDate + 3_600_000;
        string S(long offset) => (start + offset).ToString(CultureInfo.InvariantCulture);
        string[] hostile =
        [
            $$"""{ "file": "/logs/a.oao", "size": 1000, "start_date": 9223372036854775807 }""",
            $$"""{ "file": "/logs/b.oao", "size": 1000, "start_date": {{S(1000)}}, "timezone": -2147483648 }""",
            $$"""{ "file": "/logs/\ud800.oao", "size": 1000, "start_date": {{S(2000)}} }""",
            $$"""{ "file": "/logs/d.oao", "size": null, "start_date": {{S(3000)}} }""",
            $$"""{ "file": "/logs/e.oao", "size": 10.5, "start_date": {{S(4000)}} }""",
        ];
        fleet[891].Faults.Add(DeviceFault.RawLogEntries(hostile));
        // A figure that is only reported cannot cost the track (issue 17): this real track is fetched all the same.
        var absurd = fleet[892].Tracks[0];
        fleet[892].PutTrack(absurd with { Distance = long.MaxValue });
        fleet[891].Faults.Add(DeviceFault.RawDocument("/info.json", """
            { "motion": { "username": "Jo\ud83d", "identifier": 891, "firmware": { "code": 9008, "name": "9008 Event build (3232)" },
              "filesystem": { "level": 4 }, "battery": { "level": 9223372036854775807 } } }
            """));
        await fleet.JoinAllAsync();
        await using var server = await StartAsync(fleet);

        await server.WaitForCompletedAsync(891, tracks: 2);
        await server.WaitForCompletedAsync(892, tracks: 2);

        var warnings = server.Log.Messages(LogLevel.Warning).ToList();
        for (int i = 0; i < 3; i++)
        {
            warnings.Should().Contain(m => m.StartsWith($"motion-891 logs.json entry {i + 2}", StringComparison.Ordinal) && m.Contains(" refused - "),
                $"entry {i + 2} is refused on its own, named, with its reason");
        }

        warnings.Should().ContainSingle(m => m == "motion-891 logs.json - 2 more entries refused", "past the first three, refused entries are counted");
        warnings.Should().ContainSingle(m => m.StartsWith("motion-892 logs.json entry 0 (", StringComparison.Ordinal)
            && m.Contains(" figure dropped as unknown - distance 9223372036854775807 is out of range", StringComparison.Ordinal));

        warnings.Should().Contain("motion-891 info.json value refused - username is not valid text (a broken UTF-16 escape)");
        warnings.Should().Contain(m => m.StartsWith("motion-891 info.json value refused - battery level 9223372036854775807 is out of range", StringComparison.Ordinal));
        server.Log.Messages(LogLevel.Error).Should().BeEmpty("no value a device sends is an error of the server or a failure of the device");
        new LedgerStore(server.Folder).Load("motion-891", out _).Entries.Should().HaveCount(2, "refused entries never reach the ledger");
        new LedgerStore(server.Folder).Load("motion-892", out _).Entries.Should().HaveCount(2)
            .And.OnlyContain(e => e.Value.Status == LedgerStatus.Completed, "the track with an absurd distance is downloaded too");
        Watch!.ShouldHaveSeenNoViolation();
        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
        await server.StopAsync();
        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
    }
}
