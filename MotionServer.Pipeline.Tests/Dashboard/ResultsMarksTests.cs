using System.Text.Json;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tracks.Results;
using static MotionServer.Pipeline.Tests.Dashboard.DashboardSamples;
using static MotionServer.Pipeline.Tests.Results.ResultSamples;

namespace MotionServer.Pipeline.Tests.Dashboard;

/// <summary>
/// A track's results where the staff look: the suspect flag and its reasons in status.json, on the device's card and
/// on the tracks page (with the figures by the rules), and today's top ten on the results page.
/// </summary>
public sealed class ResultsMarksTests
{
    private static readonly DateTime Today = new(2025, 10, 12, 11, 2, 9); // the samples' day, local

    private static MotionSnapshot Device(int id, params TrackSnapshot[] tracks) =>
        Seen(id, MotionStatus.Completed, TimeSpan.FromMinutes(1)) with { TrackList = tracks };

    private static TrackSnapshot Done(int id, DateTime start, TrackResults? results) =>
        Track(id, "completed", start) with { Results = results };

    /// <summary>Twelve sailboards and two kites on today's roster: 801 has a suspect track, 812 has none at all.</summary>
    private static FleetSnapshot Day()
    {
        var rows = Enumerable.Range(801, 12).Select(id => Row(id, $"S{id}", "Sailor", $"{id}", start: DateOnly.FromDateTime(Today), end: DateOnly.FromDateTime(Today)))
            .Concat([Row(901, "K901", "Kite", "One", craft: "Kite", start: DateOnly.FromDateTime(Today), end: DateOnly.FromDateTime(Today)),
                     Row(902, "K902", "Kite", "Two", craft: "Kite", start: DateOnly.FromDateTime(Today), end: DateOnly.FromDateTime(Today))]);
        var motions = new List<MotionSnapshot>
        {
            Device(801, Done(801, Today, Outcome(22.6, reasons: GlitchReason)), Done(801, Today.AddHours(-2), Outcome(20))),
        };
        motions.AddRange(Enumerable.Range(802, 10).Select(id => Device(id, Done(id, Today, Outcome(10 + id - 800)))));
        motions.Add(Device(901, Done(901, Today, Outcome(30))));
        motions.Add(Device(902, Done(902, Today.AddDays(-1), Outcome(35)))); // yesterday: not in today's results
        motions.Add(Device(812)); // on the roster, no track
        return Fleet() with { Motions = motions, Roster = MotionRoster.Create(rows) };
    }

    private static string Page(FleetSnapshot snapshot, string name) =>
        System.Text.Encoding.UTF8.GetString(Renderer(Time()).Render(snapshot).Single(f => f.Name == name).Content.ToArray());

    [Fact]
    public void StatusJson_SuspectTrack_IsCountedAndListedWithItsReasons_OnItsDeviceOnly()
    {
        var snapshot = Day();
        using var status = JsonDocument.Parse(Page(snapshot, "status.json"));
        var motions = status.RootElement.GetProperty("motions");

        motions[0].GetProperty("suspectCount").GetInt32().Should().Be(1);
        var suspect = motions[0].GetProperty("suspectTracks");
        suspect.GetArrayLength().Should().Be(1);
        suspect[0].GetProperty("file").GetString().Should().Be(snapshot.Motions[0].TrackList[0].FileName);
        suspect[0].GetProperty("reasons")[0].GetString().Should().Be(GlitchReason);
        motions.EnumerateArray().Skip(1).Select(m => m.TryGetProperty("suspectCount", out var _) || m.TryGetProperty("suspectTracks", out var _)).Should().OnlyContain(listed => !listed, "none is left out");
    }

    [Fact]
    public void DevicesPage_SuspectTrack_IsOnTheDevicesCardWithItsReason()
    {
        var snapshot = Day();

        var card = Parse(Page(snapshot, "index.html")).QuerySelector("#device-801 .suspect")!;

        card.QuerySelector("li")!.TextContent.Should().Be($"{snapshot.Motions[0].TrackList[0].FileName}: {GlitchReason}");
        Parse(Page(snapshot, "index.html")).QuerySelectorAll("article.device .suspect").Should().HaveCount(1);
    }

    [Fact]
    public void TracksPage_ShowsTheFiguresByTheRules_AndFlagsTheSuspectTrackWithItsReason()
    {
        var page = Parse(Page(Day(), "tracks.html"));

        var suspect = page.QuerySelectorAll("tr.track.suspect");
        suspect.Should().HaveCount(1);
        suspect[0].QuerySelector("td.rules2s")!.TextContent.Should().Be("22.60");
        suspect[0].QuerySelector("td.rules10s")!.TextContent.Should().Be("21.60");
        suspect[0].QuerySelector("td.rules500m")!.TextContent.Should().Be("20.60");
        suspect[0].QuerySelector("td.verdict .suspect-flag").Should().NotBeNull();
        suspect[0].NextElementSibling!.QuerySelector("tr.track-reasons .reasons, .reasons")!.TextContent.Should().Be(GlitchReason, "the reason has a row of its own, the table's width");
        page.QuerySelectorAll("tr.track").Should().HaveCount(14);
        Parse(Page(Fleet(), "tracks.html")).QuerySelectorAll("td.rules2s").Select(td => td.TextContent).Should().OnlyContain(t => t == "—");
    }

    [Fact]
    public void ResultsPage_TopTenPerCategory_BestFirst_TodaysTracksOnly_SuspectMarked()
    {
        var page = Parse(Page(Day(), "results.html"));

        var twoSeconds = page.QuerySelector("#class-all-2s")!.QuerySelectorAll("tr.place");
        twoSeconds.Should().HaveCount(10, "the top ten of twelve competitors with a figure");
        twoSeconds.Select(r => r.GetAttribute("data-file-id")).Should().Equal("K901", "S801", "S811", "S810", "S809", "S808", "S807", "S806", "S805", "S804");
        twoSeconds.Select(r => r.QuerySelector("td.figure")!.TextContent).Take(3).Should().Equal("30.00", "22.60", "21.00");
        twoSeconds[1].ClassList.Should().Contain("suspect");
        twoSeconds[1].QuerySelector(".suspect-flag").Should().NotBeNull();
        twoSeconds.Where(r => r.ClassList.Contains("suspect")).Should().HaveCount(1);
        page.QuerySelector("#results-day")!.GetAttribute("data-date").Should().Be("2025-10-12");
        page.QuerySelector("#results-summary .suspect-count")!.TextContent.Should().Be("1");
    }

    [Fact]
    public void ResultsPage_SeveralCraftTypes_ATopTenPerClass()
    {
        var page = Parse(Page(Day(), "results.html"));

        page.QuerySelectorAll("section.results-class").Select(s => s.GetAttribute("data-class")).Should().Equal("All", "Kite", "Sailboard");
        page.QuerySelector("#class-kite-2s")!.QuerySelectorAll("tr.place").Select(r => r.GetAttribute("data-file-id")).Should().Equal("K901");
        page.QuerySelector("#class-sailboard-2s")!.QuerySelectorAll("tr.place")[0].GetAttribute("data-file-id").Should().Be("S801");
        page.QuerySelector("#class-all-1h")!.TextContent.Should().Contain("No figure yet.");
    }

    [Fact]
    public void ResultsPage_IsMadeForAPhone_NarrowTablesAndTheViewport()
    {
        var page = Parse(Page(Day(), "results.html"));

        page.QuerySelector("meta[name='viewport']")!.GetAttribute("content").Should().Contain("width=device-width");
        page.QuerySelectorAll("table.ranking").Should().OnlyContain(t => t.QuerySelectorAll("thead th").Length == 3, "place, competitor and figure fit a phone");
        page.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).Should().Equal("index.html", "events.html", "tracks.html", "results.html", "status.json");
    }
}
