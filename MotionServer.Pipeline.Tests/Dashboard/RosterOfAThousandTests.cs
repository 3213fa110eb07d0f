using System.Text.Json;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.State;
using static MotionServer.Pipeline.Tests.Dashboard.DashboardSamples;

namespace MotionServer.Pipeline.Tests.Dashboard;

/// <summary>
/// The dashboards at a roster of 1,000 with 50 devices downloading (issue 19): pages a phone on the event WiFi can
/// afford to reload every 5 s, and every device still findable on the index.
/// </summary>
public sealed class RosterOfAThousandTests
{
    private const int IndexBudget = 250_000;
    private const int StatusBudget = 300_000;

    private static IReadOnlyList<DashboardFile> Render(FleetSnapshot snapshot) => Renderer(Time()).Render(snapshot);

    private static int Size(IReadOnlyList<DashboardFile> files, string name) => files.Single(f => f.Name == name).Content.Length;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_RosterOfAThousand_IndexWithin250KB(bool seenYesterday)
    {
        var files = Render(RosterOfAThousand(seenYesterday));

        Size(files, "index.html").Should().BeLessThanOrEqualTo(IndexBudget);
    }

    [Fact]
    public void Render_RosterOfAThousandMostlyNeverSeen_StatusJsonWithin300KB()
    {
        var files = Render(RosterOfAThousand());

        Size(files, "status.json").Should().BeLessThanOrEqualTo(StatusBudget);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_RosterOfAThousand_EveryAbsentDeviceFindableByIdAndCompetitor(bool seenYesterday)
    {
        var fleet = RosterOfAThousand(seenYesterday);

        var page = Render(fleet).Page("index.html");

        var rows = page.QuerySelectorAll("#absent tbody tr");
        rows.Should().HaveCount(950);
        foreach (var m in fleet.Motions.Where(m => m.Status != MotionStatus.Downloading))
        {
            var row = page.GetElementById($"device-{m.Id}");
            row.Should().NotBeNull($"motion-{m.Id} is on the page");
            row!.LocalName.Should().Be("tr", "an absent device is a row of the compact table, not a card");
            row.GetAttribute("data-status").Should().Be(m.Status.ToContractName());
            row.TextContent.Should().Contain(m.Hostname).And.Contain(m.Competitor!);
        }
    }

    [Fact]
    public void Render_RosterOfAThousand_StillOutLinksEachDevicesRow()
    {
        var page = Render(RosterOfAThousand()).Page("index.html");

        var links = page.QuerySelectorAll("#still-out a");
        links.Select(a => a.TextContent).Should().Equal(Enumerable.Range(851, 950).Select(id => $"motion-{id}"));
        links.Should().OnlyContain(a => page.GetElementById(a.GetAttribute("href")!.TrimStart('#')) != null, "each link leads to its device's row");
        page.QuerySelector("#still-out h2")!.TextContent.Should().Be("Still out today (950)");
    }

    [Fact]
    public void Render_RosterOfAThousand_DownloadingDevicesKeepTheirCards()
    {
        var page = Render(RosterOfAThousand()).Page("index.html");

        var cards = page.QuerySelectorAll("article.device");
        cards.Select(c => c.GetAttribute("data-id")).Should().Equal(Enumerable.Range(801, 50).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        cards.Should().OnlyContain(c => c.QuerySelector(".transfer progress") != null);
    }

    [Fact]
    public void Serialize_RosterOfAThousand_EveryDeviceKeepsTheContractFields()
    {
        var files = Render(RosterOfAThousand());

        using var document = JsonDocument.Parse(files.Single(f => f.Name == "status.json").Content);
        var motions = document.RootElement.GetProperty("motions");
        motions.GetArrayLength().Should().Be(1000);
        string[] contract = ["id", "hostname", "status", "address", "since", "battery", "storage", "firmware", "warnings", "tracks", "bytesDownloaded"];
        foreach (var m in motions.EnumerateArray())
        {
            m.EnumerateObject().Select(p => p.Name).Take(contract.Length).Should().Equal(contract);
        }
    }
}
