using MotionServer.Pipeline.State;
using static MotionServer.Pipeline.State.MotionStatus;

namespace MotionServer.Pipeline.Tests.State;

/// <summary>Which status follows which (issue 17, knot 4): the status machine alone, no fleet, no lock, no clock.</summary>
public class MotionStatusMachineTests
{
    public static TheoryData<MotionStatus> Every => [.. Enum.GetValues<MotionStatus>()];

    [Theory]
    [MemberData(nameof(Every))]
    public void What_a_stage_learns_sets_its_status_whatever_the_device_was(MotionStatus current)
    {
        var facts = new StatusFacts(current);

        MotionStatusMachine.Next(facts, StatusTrigger.Found).Should().Be(Connected);
        MotionStatusMachine.Next(facts, StatusTrigger.TracksOwed).Should().Be(Pending);
        MotionStatusMachine.Next(facts, StatusTrigger.DownloadStarted).Should().Be(Downloading);
        MotionStatusMachine.Next(facts, StatusTrigger.AllDownloaded).Should().Be(Completed);
        MotionStatusMachine.Next(facts, StatusTrigger.StepFailed).Should().Be(Failed);
        MotionStatusMachine.Next(facts, StatusTrigger.Left).Should().Be(Disconnected);
    }

    [Theory]
    [InlineData(Connected)]
    [InlineData(Pending)]
    [InlineData(Downloading)]
    public void All_downloaded_while_a_replan_is_owed_stays_connected_never_completed(MotionStatus current)
    {
        MotionStatusMachine.Next(new StatusFacts(current, ReplanOwed: true), StatusTrigger.AllDownloaded).Should().Be(Connected,
            "the roster changed its rows during the visit: a track may be owed under the new roster");
    }

    [Fact]
    public void Rows_changed_sets_a_completed_device_back_to_connected()
    {
        MotionStatusMachine.Next(new StatusFacts(Completed), StatusTrigger.RowsChanged).Should().Be(Connected);
    }

    [Theory]
    [InlineData(Waiting)]
    [InlineData(Connected)]
    [InlineData(Pending)]
    [InlineData(Downloading)]
    [InlineData(Failed)]
    [InlineData(Disconnected)]
    public void Rows_changed_leaves_any_other_status_as_it_is(MotionStatus current)
    {
        MotionStatusMachine.Next(new StatusFacts(current), StatusTrigger.RowsChanged).Should().Be(current);
    }

    [Theory]
    [InlineData(Connected, true)]
    [InlineData(Pending, true)]
    [InlineData(Downloading, true)]
    [InlineData(Completed, true)]
    [InlineData(Waiting, false)]
    [InlineData(Failed, false)]
    [InlineData(Disconnected, false)]
    public void Rows_changed_owes_a_replan_only_to_a_planned_device(MotionStatus current, bool owed)
    {
        MotionStatusMachine.RowsChangeOwesReplan(current).Should().Be(owed, "one not planned now is planned with the new roster anyway");
    }

    [Fact]
    public void Released_connected_without_an_address_has_left()
    {
        // Set back to connected for a re-plan, its address discarded for a fresh look, and the look did not find it.
        MotionStatusMachine.Next(new StatusFacts(Connected, AddressKnown: false), StatusTrigger.Released).Should().Be(Disconnected);
    }

    [Theory]
    [InlineData(Connected, true)]
    [InlineData(Waiting, false)]
    [InlineData(Pending, true)]
    [InlineData(Completed, true)]
    [InlineData(Failed, false)]
    [InlineData(Disconnected, false)]
    public void Released_otherwise_keeps_its_status(MotionStatus current, bool addressKnown)
    {
        MotionStatusMachine.Next(new StatusFacts(current, AddressKnown: addressKnown), StatusTrigger.Released).Should().Be(current);
    }

    [Fact]
    public void Stopped_while_downloading_is_pending_its_tracks_stay_queued()
    {
        MotionStatusMachine.Next(new StatusFacts(Downloading), StatusTrigger.Stopped).Should().Be(Pending);
    }

    [Theory]
    [InlineData(Waiting)]
    [InlineData(Connected)]
    [InlineData(Pending)]
    [InlineData(Completed)]
    [InlineData(Failed)]
    [InlineData(Disconnected)]
    public void Stopped_leaves_any_other_status_as_it_is(MotionStatus current)
    {
        MotionStatusMachine.Next(new StatusFacts(current), StatusTrigger.Stopped).Should().Be(current);
    }

}
