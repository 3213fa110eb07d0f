using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 4, guarantee 8: one server per event folder. A second pipeline on a folder in use is refused before it writes
/// anything, says who holds the folder, and the first carries on; once the first stops, the folder can be used again.
/// (The host's exit code 2 for the same case is in <see cref="HostProcessTests"/>.)
/// </summary>
public sealed class OneServerPerFolderTests : ReliabilityTest
{
    [Fact]
    public async Task SecondPipelineOnTheSameFolder_IsRefused_AndTheFirstCarriesOn()
    {
        await using var fleet = await FleetBuilder.StartAsync([931, 932], tracksPerDevice: 1, join: false);
        await fleet[931].JoinAsync();
        var first = await StartAsync(fleet);
        await first.WaitForCompletedAsync(931, tracks: 1);

        var refused = async () => await PipelineHarness.StartAsync(EventDirectory, fleet, PipelineHarness.RosterFor(fleet));

        (await refused.Should().ThrowAsync<StartupException>())
            .Which.Problems.Should().ContainSingle()
            .Which.Should().StartWith($"another Motion Server is already running on {first.Folder.Root} (process {Environment.ProcessId} on ")
            .And.EndWith("stop it first, or use another event folder");
        (await refused.Should().ThrowAsync<StartupException>()).Which.Message.Should().Contain("already running", "a refused start leaves the first server's lock in place");

        await fleet[932].JoinAsync();
        await first.WaitForCompletedAsync(932, tracks: 1);
        await first.DisposeAsync();

        await using var third = await PipelineHarness.StartAsync(EventDirectory, fleet, PipelineHarness.RosterFor(fleet));
        third.Fleet.GetSnapshot().Running.Should().BeTrue("the lock is free once the first server has stopped");
        Watch!.ShouldHaveSeenNoViolation();
        EventFolderScan.ShouldHoldExactly(third.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
    }
}
