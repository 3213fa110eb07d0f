using System.Text;
using MotionServer.Pipeline.Devices;

namespace MotionServer.Pipeline.Tests.Inspection;

public class DeviceDocumentsTests
{
    private static ReadOnlyMemory<byte> Bytes(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public void DeviceInfo_CurrentFirmwareShape_IsRead()
    {
        var info = DeviceInfo.Parse(Bytes("""
            { "motion": { "wifi": "station", "username": "WSW", "identifier": 817,
              "hardware": { "code": 108, "name": "Wireless Mini M10" },
              "firmware": { "code": 9008, "name": "9008 Event build (3232)", "special": "Event firmware" },
              "filesystem": { "level": 4 }, "battery": { "level": 76, "charging": false },
              "units": { "speed": "kn", "distance": "km" } } }
            """));

        info.Should().BeEquivalentTo(new DeviceInfo
        {
            Identifier = 817,
            Username = "WSW",
            Hardware = "Wireless Mini M10",
            FirmwareCode = 9008,
            FirmwareName = "9008 Event build (3232)",
            StorageLevel = 4,
            BatteryLevel = 76,
        });
    }

    [Fact]
    public void DeviceInfo_OldFirmwareShape_IsRead()
    {
        var info = DeviceInfo.Parse(Bytes("""
            { "motion": { "username": "OLD", "identifier": "470", "hardware": "wireless-mini", "firmware": 3129,
              "filesystem": { "level": 12 }, "battery": { "level": 55 } } }
            """));

        info.Identifier.Should().Be(470);
        info.Hardware.Should().Be("wireless-mini");
        info.FirmwareCode.Should().Be(3129);
        info.FirmwareName.Should().Be("3129");
        info.BatteryLevel.Should().Be(55);
    }

    [Theory]
    [InlineData("{ \"motion\": { \"identifier\": 817 ", "info.json is not valid JSON")]
    [InlineData("[]", "info.json has no \"motion\" object")]
    [InlineData("{ \"motion\": { \"identifier\": \"x\" } }", "info.json has no numeric \"identifier\"")]
    public void DeviceInfo_Malformed_IsRefusedWithAReason(string json, string reason)
    {
        var act = () => DeviceInfo.Parse(Bytes(json));

        act.Should().Throw<DeviceAnswerException>().Which.Message.Should().StartWith(reason);
    }

    [Fact]
    public void DeviceSettings_NumbersAsStrings_AreRead()
    {
        var settings = DeviceSettings.Parse(Bytes("""
            { "settings": { "gnss_rate": "5", "one_log_per_day": "0", "timezone": "60", "wifi": [] } }
            """));

        settings.Should().BeEquivalentTo(new DeviceSettings { GnssRate = 5, OneLogPerDay = 0, Timezone = 60 });
    }

    [Fact]
    public void DeviceLogs_ReferenceEntry_IsReadInDeviceUnits()
    {
        var logs = DeviceLogs.Parse(Bytes("""
            { "logs": [ { "file": "/logs/2025/10/0817_2025-10-12-1102.oao", "size": 952928, "timezone": 60, "mode": 0,
              "start_date": 1760263329000, "end_date": 1760284455000, "duration": 21126000, "distance": 25224543,
              "2s_best": 7978, "10s_best": 7788, "500m_best": 7622, "1852m_best": 6120, "a500m_best": 5012, "1h_best": 0,
              "spot": "", "wind": "", "board": "", "sail": "", "fin": "" } ] }
            """), maxEntries: 10);

        logs.Should().ContainSingle().Which.Should().BeEquivalentTo(new DeviceLog
        {
            File = "/logs/2025/10/0817_2025-10-12-1102.oao",
            Size = 952928,
            Timezone = 60,
            StartDate = 1760263329000,
            EndDate = 1760284455000,
            Duration = 21126000,
            Distance = 25224543,
            Best2s = 7978,
            Best10s = 7788,
            Best500m = 7622,
        });
    }

    [Fact]
    public void DeviceLogs_EntriesWithoutPathOrSize_AreLeftOut_AndMissingTimezoneIsNull()
    {
        var logs = DeviceLogs.Parse(Bytes("""
            { "logs": [ { "size": 10 }, { "file": "/logs/a.oao" }, { "file": "/logs/b.oao", "size": -1 },
                        { "file": "/logs/c.oao", "size": "1536", "start_date": 1 } ] }
            """), maxEntries: 10);

        logs.Should().ContainSingle().Which.Should().Match<DeviceLog>(l => l.File == "/logs/c.oao" && l.Size == 1536 && l.Timezone == null);
    }

    [Fact]
    public void DeviceLogs_MoreEntriesThanTheLimit_AreRefused()
    {
        string entries = string.Join(',', Enumerable.Range(0, 3).Select(i => $"{{\"file\":\"/logs/{i}.oao\",\"size\":1}}"));
        var act = () => DeviceLogs.Parse(Bytes($"{{\"logs\":[{entries}]}}"), maxEntries: 2);

        act.Should().Throw<DeviceAnswerException>().WithMessage("logs.json lists 3 logs, more than Limits:MaxLogEntries (2)");
    }
}
