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
        { Entry("\"duration\": 1000000000000000"), "duration" },
        { Entry("\"distance\": 9223372036854775807"), "distance" },
        { Entry("\"500m_best\": -5"), "500m_best" },
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
