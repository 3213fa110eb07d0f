using AngleSharp.Dom;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.State;
using static MotionServer.Pipeline.Tests.Dashboard.DashboardSamples;

namespace MotionServer.Pipeline.Tests.Dashboard;

public sealed class DashboardRendererTests
{
    private static IReadOnlyList<DashboardFile> Render(FleetSnapshot snapshot) => Renderer(Time()).Render(snapshot);

    [Fact]
    public void Render_AnyFleet_WritesEveryPageAndStatusJson()
    {
        var files = Render(Fleet());

        files.Select(f => f.Name).Should().Equal("index.html", "events.html", "tracks.html", "results.html", "status.json");
        files.Should().OnlyContain(f => f.Content.Length > 0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Render_EmptyFleet_RendersUnderStrictVariables(bool running)
    {
        var empty = new FleetSnapshot { Generated = Now, Running = running, Motions = [] };

        var files = Render(empty);

        files.Page("index.html").QuerySelectorAll("article.device").Should().BeEmpty();
        files.Page("tracks.html").Body!.TextContent.Should().Contain("No track downloaded yet.");
        files.Page("events.html").Body!.TextContent.Should().Contain("Nothing has happened yet.");
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("events.html")]
    [InlineData("tracks.html")]
    [InlineData("results.html")]
    public void Render_AnyPage_FooterNamesTheVersion(string page)
    {
        Render(Fleet()).Page(page).QuerySelector("footer")!.TextContent
            .Should().StartWith($"Motion Server {MotionServer.Pipeline.Versioning.ProductVersion.Current.Text} - ");
    }

    [Fact]
    public void Render_Fleet_ListsDevicesInSnapshotOrder()
    {
        var page = Render(Fleet()).Page("index.html");

        page.QuerySelectorAll("article.device, #absent tbody tr").Select(a => a.Id)
            .Should().Equal("device-817", "device-818", "device-819", "device-820", "device-821", "device-822", "device-823");
    }

    [Fact]
    public void Render_ReversedHistory_FollowsTheSnapshotNotTheIds()
    {
        var fleet = Fleet();
        var reversed = fleet with { Motions = [.. fleet.Motions.Reverse()] };

        var page = Render(reversed).Page("index.html");

        page.QuerySelectorAll("article.device .hostname").Select(e => e.TextContent)
            .Should().Equal("motion-821", "motion-820", "motion-819", "motion-818", "motion-817");
        page.QuerySelectorAll("#absent tbody tr td:first-child").Select(e => e.TextContent)
            .Should().Equal("motion-823", "motion-822");
    }

    [Fact]
    public void Render_EveryStatus_ShowsItsWordAndCount()
    {
        var page = Render(Fleet()).Page("index.html");

        foreach (var status in Enum.GetValues<MotionStatus>())
        {
            string word = status.ToContractName();
            var device = page.QuerySelectorAll($"article.device[data-status='{word}'], #absent tr[data-status='{word}']").Should().ContainSingle(word).Subject;
            device.QuerySelector(device.LocalName == "tr" ? "td:nth-child(3)" : ".badge")!.TextContent.Should().Be(word);
            page.QuerySelector($"#counts li[data-status='{word}'] b")!.TextContent.Should().Be("1");
        }

        page.QuerySelector("#counts li[data-status='all'] b")!.TextContent.Should().Be("7");
    }

    [Fact]
    public void Render_CompletedDevice_ListedAsDisconnectable()
    {
        var page = Render(Fleet()).Page("index.html");

        page.QuerySelectorAll("#can-be-disconnected li").Select(li => li.GetAttribute("data-id")).Should().Equal("817");
        page.QuerySelector("#can-be-disconnected h2")!.TextContent.Should().Be("Can be disconnected (1)");
        page.QuerySelector("#device-817 .take-me").Should().NotBeNull();
        page.QuerySelector("#device-818 .take-me").Should().BeNull();
    }

    [Fact]
    public void Render_CompletedDeviceThatStillOwes_NotDisconnectable()
    {
        var fleet = Fleet();
        var owing = fleet.Motions[0] with { Tracks = new TrackCounts(0, 0, 3, 0, 1) };
        var page = Render(fleet with { Motions = [owing] }).Page("index.html");

        page.QuerySelectorAll("#can-be-disconnected li").Should().BeEmpty();
        page.QuerySelector("#can-be-disconnected")!.TextContent.Should().Contain("No device can be handed back yet.");
    }

    [Fact]
    public void Render_DeviceWithAttention_ListedWithReason()
    {
        var page = Render(Fleet()).Page("index.html");

        var item = page.QuerySelectorAll("#needs-attention li").Should().ContainSingle().Subject;
        item.GetAttribute("data-id").Should().Be("819");
        item.QuerySelector(".reason")!.TextContent.Should().Be("1 track(s) failed: connection reset by peer");
        page.QuerySelector("#device-819 .error")!.TextContent.Should().Be("Last error (3 failed attempt(s)): connection reset by peer");
        page.QuerySelector("#needs-attention")!.ClassList.Should().NotContain("calm");
    }

    [Fact]
    public void Render_NoAttention_SaysSoCalmly()
    {
        var fleet = Fleet();
        var page = Render(fleet with { Motions = [fleet.Motions[0]] }).Page("index.html");

        page.QuerySelector("#needs-attention")!.ClassList.Should().Contain("calm");
        page.QuerySelector("#needs-attention")!.TextContent.Should().Contain("Nothing needs attention.");
    }

    [Fact]
    public void Render_Warnings_ListedOnTheDevice()
    {
        var page = Render(Fleet()).Page("index.html");

        page.QuerySelectorAll("#device-818 .warnings li").Select(li => li.TextContent)
            .Should().Equal("battery level is 45% (below 60%)", "storage is 97% full (above 95%)");
        page.QuerySelector("#device-817 .warnings").Should().BeNull();
    }

    [Fact]
    public void Render_DeviceFields_ShownInLocalTime()
    {
        var device = Render(Fleet()).Page("index.html").QuerySelector("#device-817")!;

        Field(device, "since").Should().Be("17:46:21 2 min ago");
        Field(device, "last-seen").Should().Be("17:46:21 2 min ago");
        Field(device, "last-completed").Should().Be("17:46:21 2 min ago");
        Field(device, "address").Should().Be("192.168.0.67");
        Field(device, "battery").Should().Be("76%");
        Field(device, "storage").Should().Be("4%");
        Field(device, "firmware").Should().Be("9008 Event build (3232)");
        Field(device, "bytes").Should().Be("2.7 MiB");
        device.QuerySelector(".competitor")!.TextContent.Should().Be("Competitor 817 (on the device: owner 817)");
        device.QuerySelector(".tracks .queued")!.TextContent.Should().Be("0");
        device.QuerySelector(".tracks .downloading")!.TextContent.Should().Be("0");
        device.QuerySelector(".tracks .completed")!.TextContent.Should().Be("3");
        device.QuerySelector(".tracks .skipped")!.TextContent.Should().Be("1");
        device.QuerySelector(".tracks .failed")!.TextContent.Should().Be("0");
    }

    [Fact]
    public void Render_OlderTimes_ShowTheDate()
    {
        var fleet = Fleet();
        var failedYesterday = fleet.Motions[5] with { Status = MotionStatus.Failed, LastError = "connection reset by peer" };
        var card = Render(fleet with { Motions = [failedYesterday] }).Page("index.html").QuerySelector("#device-822")!;
        var row = Render(fleet).Page("index.html").QuerySelector("#absent #device-822")!;

        Field(card, "since").Should().Be("2025-10-11 15:48 1 day ago");
        Field(card, "last-completed").Should().Be("2025-10-11 14:48 1 day ago");
        row.QuerySelector("td:nth-child(4)")!.TextContent.Should().Be("2025-10-11 15:48", "the last seen time");
    }

    [Fact]
    public void Render_NeverSeenDevice_ShowsUnknownValues()
    {
        var fleet = Fleet();
        var row = Render(fleet).Page("index.html").QuerySelector("#device-823")!;
        var card = Render(fleet with { Motions = [fleet.Motions[6] with { LastError = "no route to host" }] }).Page("index.html").QuerySelector("#device-823")!;

        row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Should().Equal("motion-823", "—", "waiting", "—", "0");
        Field(card, "since").Should().Be("—");
        Field(card, "last-seen").Should().Be("—");
        Field(card, "last-completed").Should().Be("—");
        Field(card, "address").Should().Be("—");
        Field(card, "battery").Should().Be("—");
        Field(card, "firmware").Should().Be("—");
        card.QuerySelector(".competitor")!.TextContent.Should().Be("—");
        card.QuerySelector(".username").Should().BeNull();
    }

    [Fact]
    public void Render_TrackInTransfer_ShowsProgressBar()
    {
        var device = Render(Fleet()).Page("index.html").QuerySelector("#device-818")!;

        var bar = device.QuerySelector(".transfer progress")!;
        bar.GetAttribute("value").Should().Be("40");
        bar.GetAttribute("max").Should().Be("100");
        device.QuerySelector(".transfer .file")!.TextContent.Should().Be("ABC818XYZ_818_20251012_130000.oao");
        device.QuerySelector(".transfer")!.TextContent.Should().Contain("0.4 of 1.0 MiB (40%)");
        device.QuerySelector(".tracks .downloading")!.TextContent.Should().Be("1");
        Render(Fleet()).Page("index.html").QuerySelectorAll(".transfer").Should().ContainSingle();
    }

    [Fact]
    public void Render_Header_ShowsLocalTimeZoneAndRefresh()
    {
        var page = Render(Fleet()).Page("index.html");

        page.QuerySelector("#generated")!.TextContent.Should().Be("2025-10-12 17:48:21");
        page.QuerySelector("#generated")!.GetAttribute("datetime").Should().Be("2025-10-12T15:48:21Z");
        page.QuerySelector("header")!.TextContent.Should().Contain("(UTC+02:00)");
        page.QuerySelector("h1")!.TextContent.Should().Be("2025-10-dutch-open");
        page.QuerySelector("meta[http-equiv='refresh']")!.GetAttribute("content").Should().Be("5");
        page.QuerySelector("meta[name='viewport']").Should().NotBeNull();
        page.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).Should().Contain(["events.html", "tracks.html", "results.html"]);
    }

    [Fact]
    public void Render_ShortInterval_RefreshesEverySecondAtLeast()
    {
        var page = Renderer(Time(), interval: TimeSpan.FromMilliseconds(10)).Render(Fleet()).Page("index.html");

        page.QuerySelector("meta[http-equiv='refresh']")!.GetAttribute("content").Should().Be("1");
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("events.html")]
    [InlineData("tracks.html")]
    [InlineData("results.html")]
    public void Render_Stopped_ShowsServerStoppedBanner(string name)
    {
        Render(Fleet(running: false)).Page(name).QuerySelector("#server-stopped")!.TextContent
            .Should().Contain("Server stopped");
        Render(Fleet()).Page(name).QuerySelector("#server-stopped").Should().BeNull();
    }

    [Fact]
    public void Render_RosterProblems_ShownAsBanner()
    {
        var fleet = Fleet() with
        {
            RosterProblems = ["config/motions.csv line 4: Motion ID 'abc' is not a number"],
            Notices = [new Notice(NoticeCodes.RosterRefused, NoticeSeverity.Error, "The roster change was refused", Now)],
        };

        var page = Render(fleet).Page("index.html");

        page.QuerySelectorAll("#notice-roster-refused #roster-problems li").Select(li => li.TextContent)
            .Should().Equal("config/motions.csv line 4: Motion ID 'abc' is not a number");
        Render(Fleet()).Page("index.html").QuerySelector("#roster-problems").Should().BeNull();
    }

    [Fact]
    public void Render_Events_NewestFirstWithLevelAndDevice()
    {
        var rows = Render(Fleet()).Page("events.html").QuerySelectorAll("tr.event");

        rows.Select(r => r.QuerySelector(".message")!.TextContent).Should().Equal(
            "motion-818 is connected",
            "motion-819 needs attention - 1 track(s) failed: connection reset by peer",
            "motion-818 battery level is 45%",
            "Server started");
        rows.Select(r => r.QuerySelector(".level")!.TextContent).Should().Equal("INFO", "ERROR", "WARNING", "INFO");
        rows.Select(r => r.QuerySelector(".device")!.TextContent).Should().Equal("motion-818", "motion-819", "motion-818", "server");
        rows[1].QuerySelector(".time")!.TextContent.Should().Be("17:41:21 7 min ago");
    }

    [Fact]
    public void Render_Tracks_GroupedByLocalDayNewestFirst()
    {
        var page = Render(Fleet()).Page("tracks.html");

        var days = page.QuerySelectorAll("section.day");
        days.Select(d => d.GetAttribute("data-date")).Should().Equal("2025-10-12", "2025-10-11");
        days[0].QuerySelector("h2")!.TextContent.Should().Be("Sunday 12 October 2025 4 track(s), 100.8 km");
        var first = days[0].QuerySelectorAll("tr.track");
        first.Select(r => r.QuerySelector(".start")!.TextContent).Should().Equal("11:02:09", "11:32:09", "11:47:09", "14:02:09");
        first[0].QuerySelector(".device")!.TextContent.Should().Be("motion-817");
        first[0].QuerySelector(".competitor")!.TextContent.Should().Be("Competitor 817");
        first[0].QuerySelector(".duration")!.TextContent.Should().Be("2 h");
        first[0].QuerySelector(".distance")!.TextContent.Should().Be("25.2 km");
        first[0].QuerySelector(".best")!.TextContent.Should().Be("14.8");
        first[0].QuerySelector(".file")!.TextContent.Should().Be("ABC817XYZ_817_20251012_110209.oao");
        page.QuerySelectorAll("tr.track").Should().HaveCount(5, "the skipped track is not a downloaded track");
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("events.html")]
    [InlineData("tracks.html")]
    public void Render_HostileStrings_NeverBecomeMarkup(string name)
    {
        var page = Render(Hostile()).Page(name);

        page.QuerySelectorAll("script, img, iframe, svg, body b:not(#counts b)").Should().BeEmpty();
        page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.Ordinal))
            .Should().BeEmpty();
        page.DocumentElement.TextContent.Where(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            .Should().BeEmpty("control characters are shown escaped");
        page.Title.Should().StartWith("<script>alert(0)<");
    }

    [Fact]
    public void Render_HostileStrings_ShownAsText()
    {
        var files = Render(Hostile());
        var page = files.Page("index.html");
        var device = page.QuerySelector("#device-666")!;

        device.QuerySelector(".username")!.TextContent.Should().Be(HostileUsername);
        Field(device, "firmware").Should().Be("\"><img src=x onerror=alert(1)>\\x07\\x1B[31m");
        device.QuerySelector(".competitor")!.TextContent.Should().StartWith(HostileCompetitor);
        device.QuerySelector(".transfer .file")!.TextContent.Should().Be("evil\\x00<b>bold</b>\\x0D\\x0A.oao");
        device.QuerySelectorAll(".warnings li")[0].TextContent.Should().Be(HostileWarning);
        page.QuerySelector("#roster-problems li")!.TextContent.Should().Contain("<script>x</script>");
        files.Page("events.html").QuerySelector("tr.event .message")!.TextContent
            .Should().EndWith("\\x0D\\x0A2025-10-12 15:48:21,ERROR,forged line");
        files.Page("tracks.html").QuerySelector("tr.track .file")!.TextContent.Should().Be("evil\\x00<b>bold</b>\\x0D\\x0A.oao");
    }

    [Fact]
    public void Render_HostileStrings_RawBytesCarryNoMarkup()
    {
        var files = Render(Hostile());

        foreach (var file in files)
        {
            string text = System.Text.Encoding.UTF8.GetString(file.Content.Span);
            text.Should().NotContain("<script", file.Name).And.NotContain("<img", file.Name).And.NotContain("<iframe", file.Name)
                .And.NotContain("<svg", file.Name).And.NotContain("\u0007", file.Name).And.NotContain("\u0000", file.Name);
        }
    }

    [Fact]
    public void Render_LongDeviceText_IsCut()
    {
        var fleet = Fleet();
        var longName = fleet.Motions[0] with { Firmware = new string('x', 10_000) };

        var page = Render(fleet with { Motions = [longName] }).Page("index.html");

        Field(page.QuerySelector("#device-817")!, "firmware").Should().HaveLength(DisplayText.MaxLength + 1).And.EndWith("…");
    }

    [Fact]
    public void Render_LargeFleet_RendersEveryDevice()
    {
        var fleet = Large(1000);

        var files = Render(fleet);

        files.Page("index.html").QuerySelectorAll("article.device, #absent tbody tr").Should().HaveCount(1000);
        files.Page("tracks.html").QuerySelectorAll("tr.track").Should().HaveCount(fleet.Motions.Sum(m => m.TrackList.Count(t => t.Status == "completed")));
    }

    private static string Field(IElement device, string name) => device.QuerySelector($"dd.{name}")!.TextContent.Trim();
}
