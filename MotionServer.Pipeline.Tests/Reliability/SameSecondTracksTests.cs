using MotionServer.Emulator.Devices;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 9: two logs with the same local start second (equal sizes, different content) are both kept, byte-identical,
/// under names that stay the same at every reconnection — neither is fetched again.
/// </summary>
public sealed class SameSecondTracksTests : ReliabilityTest
{
    [Fact]
    public async Task TwoLogsOfTheSameSecond_AreBothKept_AndAReconnectionFetchesNeitherAgain()
    {
        await using var fleet = await FleetBuilder.StartAsync([894], tracksPerDevice: 0, join: false);
        var start = FleetBuilder.SessionStart.AddMinutes(7);
        byte[] first = new byte[4096], second = new byte[4096];
        Random.Shared.NextBytes(first);
        Random.Shared.NextBytes(second);
        var a = EmulatedTrack.FromBytes(894, start.AddMilliseconds(100), TimeSpan.FromMinutes(10), first) with { Path = "/logs/2025/0894_a.oao", Best500m = 7000 };
        var b = EmulatedTrack.FromBytes(894, start.AddMilliseconds(700), TimeSpan.FromMinutes(10), second) with { Path = "/logs/2025/0894_b.oao", Best500m = 7000 };
        fleet[894].AddTrack(b);
        fleet[894].AddTrack(a);
        await fleet.JoinAllAsync();
        await using var server = await StartAsync(fleet);

        await server.WaitForCompletedAsync(894, tracks: 2);
        var names = Names(server);
        int fetched = TrackRequests(fleet); // random bytes fail verification, so each is fetched twice in the first visit
        await fleet[894].LeaveAsync();
        await server.WaitForAsync(894, m => m.Status == MotionStatus.Disconnected);
        server.Log.Messages().Should().NotContain("motion-894 has no tracks to download");
        await fleet[894].JoinAsync();
        await WaitForLogAsync(server, m => m == "motion-894 has no tracks to download"); // inspected again, nothing owed

        names.Should().HaveCount(2);
        Names(server).Should().BeEquivalentTo(names, "the names do not change at a reconnection");
        var files = Directory.GetFiles(server.Folder.TracksDirectory, "*.oao", SearchOption.AllDirectories);
        files.Should().HaveCount(2);
        File.ReadAllBytes(files.Single(f => Path.GetFileName(f) == names[a.Path])).Should().Equal(first);
        File.ReadAllBytes(files.Single(f => Path.GetFileName(f) == names[b.Path])).Should().Equal(second);
        names[a.Path].Should().NotContain(".oao_").And.MatchRegex(@"_\d{6}\.oao$", "the log that started first keeps the plain name");
        fetched.Should().Be(4, "each was fetched, found damaged (random bytes) and fetched once more");
        TrackRequests(fleet).Should().Be(fetched, "neither is fetched again at the reconnection");
        Watch!.ShouldHaveSeenNoViolation();
    }

    private static int TrackRequests(MotionServer.Emulator.Fleet.EmulatedFleet fleet) =>
        fleet[894].Requests.Count(r => r.Path.EndsWith(".oao", StringComparison.Ordinal));

    private static Dictionary<string, string> Names(PipelineHarness server) =>
        new LedgerStore(server.Folder).Load("motion-894", out _).Entries.ToDictionary(e => e.Value.MotionFile, e => e.Key);
}
