using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Download;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Download;

public sealed class DownloadVisitTests
{
    [Fact]
    public void EveryTrackLanded_GoesOn_ThenIsDone()
    {
        var visit = new DownloadVisit(Plan(tracks: 2));

        visit.Apply(new TrackEnd.Landed()).Should().Be(VisitStep.Continue);
        visit.Apply(new TrackEnd.Landed()).Should().Be(VisitStep.Continue);

        visit.Finish().Should().Be(VisitStep.Done);
        visit.Failed.Should().Be(0);
    }

    [Fact]
    public void RefusalsOfThePlan_CountAsFailed_AndTheFirstIsTheReason()
    {
        var visit = new DownloadVisit(Plan(tracks: 1, "too large", "bad name"));

        visit.Apply(new TrackEnd.Landed()).Should().Be(VisitStep.Continue);

        visit.Finish().Should().Be(VisitStep.Fail);
        visit.Failed.Should().Be(2);
        visit.FirstFailure.Should().Be("too large");
    }

    [Fact]
    public void AFailedTrack_GoesOn_AndTheVisitEndsFailed_WithTheFirstReason()
    {
        var visit = new DownloadVisit(Plan(tracks: 3));

        visit.Apply(new TrackEnd.Failed("HTTP 500", DeviceUnreachable: false)).Should().Be(VisitStep.Continue);
        visit.Apply(new TrackEnd.Landed()).Should().Be(VisitStep.Continue);
        visit.Apply(new TrackEnd.Failed("HTTP 503", DeviceUnreachable: false)).Should().Be(VisitStep.Continue);

        visit.Finish().Should().Be(VisitStep.Fail);
        visit.Failed.Should().Be(2);
        visit.FirstFailure.Should().Be("HTTP 500");
    }

    [Fact]
    public void AnUnreachableDevice_Stops_AndEveryTrackNotAskedForCountsAsFailed()
    {
        var visit = new DownloadVisit(Plan(tracks: 4));

        visit.Apply(new TrackEnd.Landed()).Should().Be(VisitStep.Continue);
        visit.Apply(new TrackEnd.Failed("transfer broke", DeviceUnreachable: true)).Should().Be(VisitStep.AskIfStillThere);

        visit.Failed.Should().Be(3, "the broken track and the two never asked for");
        visit.LastFailure.Should().Be("transfer broke");
    }

    [Fact]
    public void AnUnsavedLedger_StopsFailed()
    {
        var visit = new DownloadVisit(Plan(tracks: 3));

        visit.Apply(new TrackEnd.Unsaved("cannot update the ledger")).Should().Be(VisitStep.Fail);

        visit.Failed.Should().Be(1);
        visit.FirstFailure.Should().Be("cannot update the ledger");
    }

    [Fact]
    public void Stopping_Abandons()
    {
        new DownloadVisit(Plan(tracks: 2)).Apply(new TrackEnd.Abandoned()).Should().Be(VisitStep.Abandon);
    }

    private static DownloadPlan Plan(int tracks, params string[] refusals)
    {
        var planned = Enumerable.Range(0, tracks).Select(i =>
        {
            var name = TrackName.Create("ABC817", 817, new DateTime(2025, 10, 12, 11, i, 0, DateTimeKind.Unspecified));
            return new PlannedTrack(name, new DeviceLog { File = $"/logs/{i}.oao", Size = 1000 }, name.FileName);
        }).ToList();
        return new DownloadPlan(planned, refusals);
    }
}
