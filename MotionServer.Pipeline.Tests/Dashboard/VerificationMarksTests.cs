using System.Text.Json;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using static MotionServer.Pipeline.Tests.Dashboard.DashboardSamples;

namespace MotionServer.Pipeline.Tests.Dashboard;

/// <summary>The verdict of each track where the staff look: status.json, the device's card and the tracks page.</summary>
public sealed class VerificationMarksTests
{
    private const string Defect = "bad checksum in frame 0x0AD4 at offset 1084 <b>";

    private static readonly TrackVerificationSnapshot Valid = new()
    {
        Verdict = "valid", Duration = 3_600_000, Distance = 25_200_000, Best2s = 7_768, Best10s = 7_665, Best500m = 7_613,
    };

    private static FleetSnapshot WithVerdicts()
    {
        var fleet = Fleet();
        var first = fleet.Motions[0];
        var tracks = first.TrackList.ToList();
        tracks[0] = tracks[0] with { Verification = Valid with { Verdict = "damaged", Defects = [Defect] } };
        tracks[1] = tracks[1] with { Verification = Valid };
        return fleet with { Motions = [first with { TrackList = tracks }, .. fleet.Motions.Skip(1)] };
    }

    private static string Page(FleetSnapshot snapshot, string name) =>
        System.Text.Encoding.UTF8.GetString(Renderer(Time()).Render(snapshot).Single(f => f.Name == name).Content.ToArray());

    [Fact]
    public void StatusJson_DamagedTrack_IsListedOnItsDevice_AndOthersHaveNone()
    {
        var snapshot = WithVerdicts();
        using var status = JsonDocument.Parse(Page(snapshot, "status.json"));
        var motions = status.RootElement.GetProperty("motions");

        var damaged = motions[0].GetProperty("damagedTracks");
        damaged.GetArrayLength().Should().Be(1);
        damaged[0].GetProperty("file").GetString().Should().Be(snapshot.Motions[0].TrackList[0].FileName);
        damaged[0].GetProperty("defects")[0].GetString().Should().Be(Defect);
        motions.EnumerateArray().Skip(1).Select(m => m.TryGetProperty("damagedTracks", out var _)).Should().OnlyContain(listed => !listed, "an empty list is left out");
    }

    [Fact]
    public void DevicesPage_DamagedTrack_IsMarkedOnTheDevicesCard_Encoded()
    {
        var snapshot = WithVerdicts();

        string page = Page(snapshot, "index.html");

        page.Should().Contain("<div class=\"damaged\">")
            .And.Contain($"<li>{snapshot.Motions[0].TrackList[0].FileName}: bad checksum in frame 0x0AD4 at offset 1084 &lt;b&gt;</li>");
        Page(Fleet(), "index.html").Should().NotContain("class=\"damaged\"");
    }

    [Fact]
    public void TracksPage_ShowsVerifiedFiguresAndTheVerdict_OrUnverified()
    {
        string page = Page(WithVerdicts(), "tracks.html");

        page.Should().Contain("<td class=\"num best2s\">15.1</td><td class=\"num best10s\">14.9</td><td class=\"verdict verdict-valid\">valid</td>")
            .And.Contain("<td class=\"verdict verdict-damaged\">damaged: <span class=\"defects\">bad checksum in frame 0x0AD4 at offset 1084 &lt;b&gt;</span></td>")
            .And.Contain("<td class=\"num best2s\">—</td><td class=\"num best10s\">—</td><td class=\"verdict verdict-unverified\">unverified</td>");
    }
}
