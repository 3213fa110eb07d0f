using System.Text;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Inspection;

namespace MotionServer.Pipeline.Tests.Inspection;

/// <summary>Issue 9: every value a device sends is parsed at the edge; an entry that cannot be a track is refused on its own.</summary>
public class DeviceValuesAtTheEdgeTests
{
    private const string Good = """
        { "file": "/logs/good.oao", "size": 952928, "timezone": 60, "start_date": 1760263329000, "end_date": 1760284455000,
          "duration": 21126000, "distance": 25224543, "2s_best": 7978, "10s_best": 7788, "500m_best": 7622 }
        """;

    private static ReadOnlyMemory<byte> Bytes(string json) => Encoding.UTF8.GetBytes(json);

    private static string Entry(string overrides) =>
        "{ \"file\": \"/logs/bad.oao\", \"size\": 1000, \"timezone\": 60, \"start_date\": 1760263329000, \"duration\": 1000, " + overrides + " }";

    public static TheoryData<string, string> HostileEntries => new()
    {
        { Entry("\"start_date\": 9223372036854775807"), "start_date" },
        { Entry("\"start_date\": -1"), "start_date" },
        { Entry("\"start_date\": null"), "start_date is null" },
        { Entry("\"timezone\": -2147483648"), "timezone" },
        { Entry("\"timezone\": 100000"), "timezone" },
        { Entry("\"size\": null"), "size is null" },
        { Entry("\"size\": -5"), "size" },
        { Entry("\"size\": 0"), "size" },
        { Entry("\"size\": 1.5"), "size 1.5 is not a whole number" },
        { Entry("\"size\": \"12x\""), "size" },
        { Entry("\"size\": true"), "size true is not a number" },
        { Entry("\"size\": 1e300"), "size" },
        { "{ \"file\": \"/logs/\\ud800.oao\", \"size\": 1000, \"start_date\": 1760263329000 }", "file is not valid text" },
        { "{ \"file\": null, \"size\": 1000, \"start_date\": 1760263329000 }", "file is null" },
        { "{ \"size\": 1000, \"start_date\": 1760263329000 }", "file is missing" },
        { "{ \"file\": \"/logs/a.oao\", \"start_date\": 1760263329000 }", "size is missing" },
        { "42", "not an object" },
    };

    /// <summary>Figures that are only reported: one that cannot be right never costs the track (issue 17, contract "The event folder").</summary>
    public static TheoryData<string, string> AbsurdFigures => new()
    {
        { "\"duration\": 1000000000000000", "duration" },
        { "\"distance\": 9223372036854775807", "distance" },
        { "\"500m_best\": -5", "500m_best" },
        { "\"2s_best\": \"fast\"", "2s_best" },
        { "\"end_date\": 1e300", "end_date" },
    };

    [Theory]
    [MemberData(nameof(AbsurdFigures))]
    public void Read_AFigureThatCannotBeRight_IsDroppedAsUnknown_AndTheTrackIsKept(string figure, string field)
    {
        var reading = DeviceLogs.Read(Bytes($"{{ \"logs\": [ {Entry(figure)}, {Good} ] }}"), maxEntries: 10);

        reading.Refused.Should().BeEmpty();
        reading.Logs.Should().HaveCount(2);
        var kept = reading.Logs[0];
        kept.File.Should().Be("/logs/bad.oao");
        kept.Size.Should().Be(1000);
        kept.StartDate.Should().Be(1760263329000);
        var dropped = reading.Dropped.Should().ContainSingle().Subject;
        dropped.Index.Should().Be(0);
        dropped.File.Should().Be("/logs/bad.oao");
        dropped.Reason.Should().StartWith(field);
        new long[] { kept.EndDate, kept.Duration, kept.Distance, kept.Best2s, kept.Best10s, kept.Best500m }
            .Should().Contain(0, "the dropped figure reads as unknown");
    }

    [Fact]
    public void Read_AnAbsurdDistanceBesideGoodFigures_KeepsTheGoodOnes()
    {
        var reading = DeviceLogs.Read(Bytes($"{{ \"logs\": [ {Good.Replace("25224543", "9223372036854775807", StringComparison.Ordinal)} ] }}"), maxEntries: 10);

        var log = reading.Logs.Should().ContainSingle().Subject;
        log.Distance.Should().Be(0);
        log.Duration.Should().Be(21126000);
        log.Best500m.Should().Be(7622);
        reading.Dropped.Should().ContainSingle().Which.Reason.Should().Contain("distance");
    }

    [Theory]
    [MemberData(nameof(HostileEntries))]
    public void Parse_AnEntryThatCannotBeATrack_IsLeftOut_AndTheGoodEntryBesideItIsRead(string hostile, string _)
    {
        var logs = DeviceLogs.Parse(Bytes($"{{ \"logs\": [ {hostile}, {Good} ] }}"), maxEntries: 10);

        logs.Should().ContainSingle().Which.File.Should().Be("/logs/good.oao");
    }

    [Theory]
    [MemberData(nameof(HostileEntries))]
    public void Read_AnEntryThatCannotBeATrack_IsRefusedWithItsIndexAndReason(string hostile, string reason)
    {
        var reading = DeviceLogs.Read(Bytes($"{{ \"logs\": [ {Good}, {hostile} ] }}"), maxEntries: 10);

        reading.Logs.Should().ContainSingle();
        var refused = reading.Refused.Should().ContainSingle().Subject;
        refused.Index.Should().Be(1);
        refused.Reason.Should().Contain(reason);
    }

    [Fact]
    public void Parse_NumbersSentAsStrings_AreReadAsNumbers()
    {
        var logs = DeviceLogs.Parse(Bytes("""
            { "logs": [ { "file": "/logs/a.oao", "size": "952928", "timezone": "-60", "start_date": "1760263329000",
              "duration": " 21126000 ", "distance": "25224543", "500m_best": "7622.0" } ] }
            """), maxEntries: 10);

        logs.Should().ContainSingle().Which.Should().BeEquivalentTo(new DeviceLog
        {
            File = "/logs/a.oao", Size = 952928, Timezone = -60, StartDate = 1760263329000, Duration = 21126000,
            Distance = 25224543, Best500m = 7622,
        });
    }

    [Fact]
    public void Parse_DocumentWithAByteOrderMark_IsRead()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($"{{ \"logs\": [ {Good} ] }}")];

        DeviceLogs.Parse(json, maxEntries: 10).Should().ContainSingle();
    }

    [Fact]
    public void DeviceInfo_BrokenTextAndAbsurdLevels_ReadAsUnknown_AndAreNamed()
    {
        var info = DeviceInfo.Parse(Bytes("""
            { "motion": { "username": "Jo\ud83d", "identifier": 817, "firmware": { "code": 9008, "name": "\udc00" },
              "filesystem": { "level": 9223372036854775807 }, "battery": { "level": -2147483648 } } }
            """));

        info.Identifier.Should().Be(817);
        info.Username.Should().BeNull();
        info.FirmwareName.Should().BeNull();
        info.StorageLevel.Should().BeNull();
        info.BatteryLevel.Should().BeNull();
        info.Refused.Should().HaveCount(4);
    }

    [Fact]
    public void DeviceSettings_AbsurdTimezone_ReadsAsUnknown()
    {
        var settings = DeviceSettings.Parse(Bytes("""{ "settings": { "gnss_rate": "5", "timezone": "-2147483648", "one_log_per_day": "7" } }"""));

        settings.GnssRate.Should().Be(5);
        settings.Timezone.Should().BeNull();
        settings.OneLogPerDay.Should().BeNull();
    }
}
