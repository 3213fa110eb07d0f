using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.State;
using static MotionServer.Pipeline.Tests.Dashboard.DashboardSamples;

namespace MotionServer.Pipeline.Tests.Dashboard;

public sealed class PageContentTests
{
    [Fact]
    public void Same_NewSnapshotOfAnUnchangedFleet_Same()
    {
        // Fleet() builds new lists and records every time: equal content, no shared instances.
        PageContent.Same(Fleet(), Fleet() with { Generated = Now.AddMinutes(5) }).Should().BeTrue();
    }

    [Fact]
    public void Same_OnlyLastSeenAdvanced_Same()
    {
        var before = Fleet();
        var after = before with { Motions = [.. before.Motions.Select(m => m with { LastSeen = Now.AddSeconds(5) })] };

        PageContent.Same(before, after).Should().BeTrue();
    }

    [Theory]
    [InlineData("events.html")]
    [InlineData("tracks.html")]
    [InlineData("results.html")]
    public void SameFor_PageThatShowsNoTransfer_TransferProgressed_Same(string page)
    {
        var before = Fleet();
        var after = WithFirst(before, m => m with { Transfer = new TransferProgress("a.oao", 1, 2), Battery = 12, Status = MotionStatus.Downloading });

        PageContent.SameFor(page, before, after).Should().BeTrue();
        PageContent.SameFor("index.html", before, after).Should().BeFalse();
    }

    [Theory]
    [InlineData("tracks.html")]
    [InlineData("results.html")]
    public void SameFor_TrackPages_TrackChanged_Different(string page)
    {
        var before = Fleet();

        PageContent.SameFor(page, before, ChangesByName["track"](before)).Should().BeFalse();
        PageContent.SameFor("events.html", before, ChangesByName["track"](before)).Should().BeTrue();
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("events.html")]
    [InlineData("tracks.html")]
    [InlineData("results.html")]
    public void SameFor_AnyPage_BannerOrStopChanged_Different(string page)
    {
        var before = Fleet();

        PageContent.SameFor(page, before, ChangesByName["notice"](before)).Should().BeFalse();
        PageContent.SameFor(page, before, ChangesByName["server stopped"](before)).Should().BeFalse();
        PageContent.SameFor(page, before, Fleet() with { Generated = Now.AddMinutes(5) }).Should().BeTrue();
    }

    [Fact]
    public void SameFor_EventsPage_EventLine_Different()
    {
        var before = Fleet();

        PageContent.SameFor("events.html", before, ChangesByName["event line"](before)).Should().BeFalse();
    }

    public static TheoryData<string> Changes() => [.. ChangesByName.Keys];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Same_SomethingAPageShowsChanged_Different(string change)
    {
        var before = Fleet();

        PageContent.Same(before, ChangesByName[change](before)).Should().BeFalse();
    }

    private static readonly Dictionary<string, Func<FleetSnapshot, FleetSnapshot>> ChangesByName = new()
    {
        ["status"] = f => WithFirst(f, m => m with { Status = MotionStatus.Disconnected }),
        ["since"] = f => WithFirst(f, m => m with { Since = m.Since!.Value.AddSeconds(1) }),
        ["battery"] = f => WithFirst(f, m => m with { Battery = 12 }),
        ["warning"] = f => WithFirst(f, m => m with { Warnings = [.. m.Warnings, "battery 12 %"] }),
        ["track"] = f => WithFirst(f, m => m with { TrackList = [.. m.TrackList.Skip(1)] }),
        ["transfer"] = f => WithFirst(f, m => m with { Transfer = new TransferProgress("a.oao", 1, 2) }),
        ["last completed"] = f => WithFirst(f, m => m with { LastCompleted = Now }),
        ["device order"] = f => f with { Motions = [.. f.Motions.Reverse()] },
        ["device gone"] = f => f with { Motions = [.. f.Motions.Skip(1)] },
        ["server stopped"] = f => f with { Running = false },
        ["event line"] = f => f with { RecentEvents = [new FleetEvent(Now, Microsoft.Extensions.Logging.LogLevel.Information, 817, "motion-817 can be disconnected"), .. f.RecentEvents] },
        ["notice"] = f => f with { Notices = [.. f.Notices, new Notice("disk-space-low", NoticeSeverity.Error, "Disk nearly full", Now)] },
        ["still out"] = f => f with { StillOut = [.. f.StillOut, 999] },
        ["roster problem"] = f => f with { RosterProblems = ["config/motions.csv line 3: bad date"] },
    };

    private static FleetSnapshot WithFirst(FleetSnapshot fleet, Func<MotionSnapshot, MotionSnapshot> change) =>
        fleet with { Motions = [change(fleet.Motions[0]), .. fleet.Motions.Skip(1)] };
}
