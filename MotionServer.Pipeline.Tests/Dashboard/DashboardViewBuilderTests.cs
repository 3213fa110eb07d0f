using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.State;
using static MotionServer.Pipeline.Tests.Dashboard.DashboardSamples;

namespace MotionServer.Pipeline.Tests.Dashboard;

/// <summary>Issue 9: no number a device announced can make a dashboard tick fail.</summary>
public class DashboardViewBuilderTests
{
    private static FleetSnapshot WithTracks(bool running, params TrackSnapshot[] tracks) => new()
    {
        Generated = Now,
        Running = running,
        Motions =
        [
            Seen(817, MotionStatus.Completed, TimeSpan.FromMinutes(2)) with
            {
                Tracks = new TrackCounts(0, 0, tracks.Length, 0, 0),
                BytesDownloaded = long.MaxValue,
                TrackList = tracks,
            },
        ],
    };

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Build_TwoCompletedTracksOfOneDayWithHugeDistances_SaturatesInsteadOfThrowing(long distance)
    {
        var day = new DateTime(2025, 10, 12, 11, 2, 9);
        var snapshot = WithTracks(true,
            Track(817, "completed", day) with { DistanceMillimetres = distance, Size = long.MaxValue, Best500mMillimetresPerSecond = long.MinValue },
            Track(817, "completed", day.AddHours(2)) with { DistanceMillimetres = distance });

        var view = DashboardViewBuilder.Build(snapshot, new LocalClock(Zone, Now), 5, []);

        view.TrackDays.Should().ContainSingle().Which.Count.Should().Be(2);
    }

    [Fact]
    public void Render_HugeFigures_WritesEveryPage_AndTheStoppedStatus()
    {
        var day = new DateTime(2025, 10, 12, 11, 2, 9);
        var snapshot = WithTracks(false,
            Track(817, "completed", day) with { DistanceMillimetres = long.MaxValue, Duration = TimeSpan.MaxValue },
            Track(817, "completed", day.AddHours(1)) with { DistanceMillimetres = long.MaxValue, Duration = TimeSpan.MinValue });

        var files = Renderer(Time()).Render(snapshot);

        files.Select(f => f.Name).Should().Contain(["index.html", "tracks.html", "status.json"]);
        using var status = System.Text.Json.JsonDocument.Parse(files.Single(f => f.Name == "status.json").Content);
        status.RootElement.GetProperty("server").GetString().Should().Be("stopped");
    }
}
