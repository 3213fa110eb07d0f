using System.Text.Json;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.State;
using static MotionServer.Pipeline.Tests.Dashboard.DashboardSamples;

namespace MotionServer.Pipeline.Tests.Dashboard;

/// <summary>Notices, who is still out, and the transfer rate and time remaining, on the pages and in status.json.</summary>
public sealed class NoticeAndStillOutRenderingTests
{
    private static readonly Notice DiskNotice = new(NoticeCodes.DiskSpaceLow, NoticeSeverity.Error, "Disk nearly full - downloads are paused", Now - TimeSpan.FromMinutes(3));
    private static readonly Notice RouterNotice = new(NoticeCodes.CatchAllAddress, NoticeSeverity.Warning, "The network answers unknown device names with 10.10.10.10", Now);

    private static IReadOnlyList<DashboardFile> Render(FleetSnapshot snapshot) => Renderer(Time()).Render(snapshot);

    private static JsonElement Status(FleetSnapshot snapshot) =>
        JsonDocument.Parse(Render(snapshot).Single(f => f.Name == "status.json").Content).RootElement.Clone();

    private static FleetSnapshot WithRateKnown()
    {
        var fleet = Fleet();
        return fleet with
        {
            Motions = [.. fleet.Motions.Select(m => m.Transfer is null ? m : m with
            {
                Transfer = m.Transfer with { BytesPerSecond = 630_000.4, BytesOwed = 600_000 + 3_100_000 },
            })],
        };
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("events.html")]
    [InlineData("tracks.html")]
    public void Render_Notices_ABannerEachOnEveryPage(string name)
    {
        var page = Render(Fleet() with { Notices = [DiskNotice, RouterNotice] }).Page(name);

        var banners = page.QuerySelectorAll(".banner.notice");
        banners.Select(b => b.GetAttribute("data-code")).Should().Equal(NoticeCodes.DiskSpaceLow, NoticeCodes.CatchAllAddress);
        banners.Select(b => b.GetAttribute("data-severity")).Should().Equal("error", "warning");
        banners[0].QuerySelector("p")!.TextContent.Should().Be("Disk nearly full - downloads are paused");
        banners[0].QuerySelector(".since")!.TextContent.Should().Be("since 17:45:21 3 min ago");
        Render(Fleet()).Page(name).QuerySelectorAll(".banner.notice").Should().BeEmpty();
    }

    [Fact]
    public void Serialize_Notices_ListedWithCodeSeverityTextSince()
    {
        var notices = Status(Fleet() with { Notices = [DiskNotice, RouterNotice] }).GetProperty("notices");

        notices.GetArrayLength().Should().Be(2);
        notices[0].GetProperty("code").GetString().Should().Be("disk-space-low");
        notices[0].GetProperty("severity").GetString().Should().Be("error");
        notices[0].GetProperty("text").GetString().Should().Be("Disk nearly full - downloads are paused");
        notices[0].GetProperty("since").GetString().Should().Be("2025-10-12T15:45:21Z");
        notices[1].GetProperty("severity").GetString().Should().Be("warning");
        Status(Fleet()).GetProperty("notices").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Render_StillOut_ListedOnTheIndexInRosterOrder()
    {
        var page = Render(Fleet() with { StillOut = [823, 822] }).Page("index.html");

        var items = page.QuerySelectorAll("#still-out li");
        items.Select(li => li.GetAttribute("data-id")).Should().Equal("823", "822");
        items[0].TextContent.Should().Be("motion-823", "no competitor known: nothing beside the name");
        items[1].TextContent.Should().Be("motion-822 Competitor 822 (last seen 2025-10-11 15:48)");
        page.QuerySelector("#still-out h2")!.TextContent.Should().Be("Still out today (2)");
        Render(Fleet()).Page("index.html").QuerySelector("#still-out p")!.TextContent.Should().Be("Every device on today's roster has come in today.");
    }

    [Fact]
    public void Serialize_StillOut_Ids()
    {
        Status(Fleet() with { StillOut = [823, 822] }).GetProperty("stillOut").EnumerateArray().Select(e => e.GetInt32()).Should().Equal(823, 822);
        Status(Fleet()).GetProperty("stillOut").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Render_RateKnown_ShowsRateAndTimeRemainingBesideTheProgressBar()
    {
        var device = Render(WithRateKnown()).Page("index.html").QuerySelector("#device-818")!;

        device.QuerySelector(".transfer .rate .speed")!.TextContent.Should().Be("615 KiB/s");
        device.QuerySelector(".transfer .rate .remaining")!.TextContent.Should().Be("about 6 s left");
    }

    [Fact]
    public void Render_RateUnknown_SaysItIsMeasuring()
    {
        var device = Render(Fleet()).Page("index.html").QuerySelector("#device-818")!;

        device.QuerySelector(".transfer .rate")!.TextContent.Should().Be("measuring the rate...");
    }

    [Fact]
    public void Serialize_RateAndRemaining_WhileDownloading_LeftOutOtherwise()
    {
        var motions = Status(WithRateKnown()).GetProperty("motions");
        var downloading = motions.EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == 818);
        downloading.GetProperty("rate").GetInt64().Should().Be(630_000);
        downloading.GetProperty("remaining").GetInt64().Should().Be(6, "3.7 MB owed at 630 kB/s is 5.9 s, rounded up");

        var completed = motions.EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == 817);
        completed.TryGetProperty("rate", out _).Should().BeFalse("a null addition is left out");
        completed.TryGetProperty("remaining", out _).Should().BeFalse();
        Status(Fleet()).GetProperty("motions").EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == 818)
            .TryGetProperty("rate", out _).Should().BeFalse("unknown until measured");
    }
}
