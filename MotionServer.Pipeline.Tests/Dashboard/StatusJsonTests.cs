using System.Text.Json;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.State;
using static MotionServer.Pipeline.Tests.Dashboard.DashboardSamples;

namespace MotionServer.Pipeline.Tests.Dashboard;

public sealed class StatusJsonTests
{
    private static JsonElement Parse(FleetSnapshot snapshot) =>
        JsonDocument.Parse(Renderer(Time()).Render(snapshot).Single(f => f.Name == "status.json").Content).RootElement.Clone();

    [Fact]
    public void Serialize_Running_HasContractTopLevelFields()
    {
        var root = Parse(Fleet());

        root.ValueKind.Should().Be(JsonValueKind.Object);
        root.GetProperty("generated").GetString().Should().Be("2025-10-12T15:48:21Z");
        root.GetProperty("server").GetString().Should().Be("running");
        root.GetProperty("motions").ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public void Serialize_AnyFleet_NamesTheServersVersionAndCommit()
    {
        Parse(Fleet()).GetProperty("version").GetString().Should().Be(MotionServer.Pipeline.Versioning.ProductVersion.Current.Text)
            .And.MatchRegex(@"^[0-9]+\.[0-9]+\.[0-9]+");
    }

    [Fact]
    public void Serialize_Stopped_SaysStopped()
    {
        Parse(Fleet(running: false)).GetProperty("server").GetString().Should().Be("stopped");
    }

    [Fact]
    public void Serialize_Fleet_ListsDevicesInSnapshotOrder()
    {
        Parse(Fleet()).GetProperty("motions").EnumerateArray().Select(m => m.GetProperty("id").GetInt32())
            .Should().Equal(817, 818, 819, 820, 821, 822, 823);
    }

    [Fact]
    public void Serialize_CompletedDevice_MatchesTheContractExample()
    {
        var m = Parse(Fleet()).GetProperty("motions")[0];

        m.GetProperty("id").GetInt32().Should().Be(817);
        m.GetProperty("hostname").GetString().Should().Be("motion-817");
        m.GetProperty("status").GetString().Should().Be("completed");
        m.GetProperty("address").GetString().Should().Be("192.168.0.67");
        m.GetProperty("since").GetString().Should().Be("2025-10-12T15:46:21Z");
        m.GetProperty("battery").GetInt32().Should().Be(76);
        m.GetProperty("storage").GetInt32().Should().Be(4);
        m.GetProperty("firmware").GetString().Should().Be("9008 Event build (3232)");
        m.GetProperty("warnings").EnumerateArray().Should().BeEmpty();
        var tracks = m.GetProperty("tracks");
        tracks.EnumerateObject().Select(p => p.Name).Should().Equal("queued", "downloading", "completed", "skipped", "failed");
        tracks.EnumerateObject().Should().OnlyContain(p => p.Value.ValueKind == JsonValueKind.Number);
        tracks.GetProperty("completed").GetInt32().Should().Be(3);
        tracks.GetProperty("skipped").GetInt32().Should().Be(1);
        m.GetProperty("bytesDownloaded").GetInt64().Should().Be(2_853_404);
        m.GetProperty("canBeDisconnected").GetBoolean().Should().BeTrue();
        m.GetProperty("lastCompleted").GetString().Should().Be("2025-10-12T15:46:21Z");
    }

    [Fact]
    public void Serialize_EveryDevice_HasEveryContractFieldWithItsType()
    {
        foreach (var m in Parse(Fleet()).GetProperty("motions").EnumerateArray())
        {
            Kind(m, "id").Should().Be(JsonValueKind.Number);
            Kind(m, "hostname").Should().Be(JsonValueKind.String);
            Kind(m, "status").Should().Be(JsonValueKind.String);
            Kind(m, "address").Should().BeOneOf(JsonValueKind.String, JsonValueKind.Null);
            Kind(m, "since").Should().BeOneOf(JsonValueKind.String, JsonValueKind.Null);
            Kind(m, "battery").Should().BeOneOf(JsonValueKind.Number, JsonValueKind.Null);
            Kind(m, "storage").Should().BeOneOf(JsonValueKind.Number, JsonValueKind.Null);
            Kind(m, "firmware").Should().BeOneOf(JsonValueKind.String, JsonValueKind.Null);
            Kind(m, "warnings").Should().Be(JsonValueKind.Array);
            Kind(m, "tracks").Should().Be(JsonValueKind.Object);
            Kind(m, "bytesDownloaded").Should().Be(JsonValueKind.Number);
            m.GetProperty("status").GetString().Should().BeOneOf(Enum.GetValues<MotionStatus>().Select(s => s.ToContractName()));
            if (m.GetProperty("since").GetString() is { } since)
            {
                DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture).Offset.Should().Be(TimeSpan.Zero);
                since.Should().EndWith("Z");
            }
        }
    }

    [Fact]
    public void Serialize_NeverSeenDevice_HasNullsForUnknownFields()
    {
        var m = Parse(Fleet()).GetProperty("motions")[6];

        m.GetProperty("status").GetString().Should().Be("waiting");
        foreach (string name in new[] { "address", "since", "battery", "storage", "firmware" })
        {
            Kind(m, name).Should().Be(JsonValueKind.Null, name);
        }

        foreach (string name in new[] { "lastSeen", "lastCompleted", "competitor", "username", "canBeDisconnected", "attention", "lastError", "transfer", "rate", "remaining", "damagedTracks", "suspectCount", "suspectTracks" })
        {
            m.TryGetProperty(name, out _).Should().BeFalse($"the addition \"{name}\" is left out while empty");
        }

        m.GetProperty("bytesDownloaded").GetInt64().Should().Be(0);
        m.GetProperty("tracks").EnumerateObject().Should().OnlyContain(p => p.Value.GetInt32() == 0);
    }

    [Fact]
    public void Serialize_Transfer_CountsDownloadingAndShowsProgress()
    {
        var m = Parse(Fleet()).GetProperty("motions")[1];

        m.GetProperty("tracks").GetProperty("queued").GetInt32().Should().Be(1);
        m.GetProperty("tracks").GetProperty("downloading").GetInt32().Should().Be(1);
        m.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Should().HaveCount(2);
        var transfer = m.GetProperty("transfer");
        transfer.GetProperty("file").GetString().Should().Be("ABC818XYZ_818_20251012_130000.oao");
        transfer.GetProperty("bytesReceived").GetInt64().Should().Be(400_000);
        transfer.GetProperty("size").GetInt64().Should().Be(1_000_000);
    }

    [Fact]
    public void Serialize_HostileStrings_RoundTripExactlyAndStayEscaped()
    {
        var bytes = Renderer(Time()).Render(Hostile()).Single(f => f.Name == "status.json").Content;
        var m = JsonDocument.Parse(bytes).RootElement.GetProperty("motions")[0];

        m.GetProperty("username").GetString().Should().Be(HostileUsername);
        m.GetProperty("firmware").GetString().Should().Be(HostileFirmware);
        m.GetProperty("transfer").GetProperty("file").GetString().Should().Be(HostileFileName);
        string raw = System.Text.Encoding.UTF8.GetString(bytes.Span);
        raw.Should().NotContain("<script").And.NotContain("\u0007");
    }

    [Fact]
    public void Serialize_RosterProblems_Listed()
    {
        var root = Parse(Fleet() with { RosterProblems = ["line 3: bad date"] });

        root.GetProperty("rosterProblems").EnumerateArray().Select(p => p.GetString()).Should().Equal("line 3: bad date");
    }

    private static JsonValueKind Kind(JsonElement element, string name)
    {
        element.TryGetProperty(name, out var value).Should().BeTrue($"status.json has \"{name}\"");
        return value.ValueKind;
    }
}
