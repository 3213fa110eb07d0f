using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Inspection;

namespace MotionServer.Pipeline.Tests.Inspection;

public class MetadataChecksTests
{
    private static readonly DeviceSettings ExpectedSettings = new() { GnssRate = 5, Timezone = 60, OneLogPerDay = 0 };

    [Fact]
    public void Check_DeviceAsExpected_HasNoWarnings()
    {
        var info = new DeviceInfo { Identifier = 1, BatteryLevel = 60, StorageLevel = 95, FirmwareName = "9008 Event build (3232)" };

        MetadataChecks.Check(info, ExpectedSettings, new MotionServerOptions()).Should().BeEmpty();
    }

    [Fact]
    public void Check_EverythingOff_ListsEveryWarning()
    {
        var options = new MotionServerOptions();
        options.ApprovedFirmware.Add("9008 Event build (3232)");
        var info = new DeviceInfo { Identifier = 1, BatteryLevel = 59, StorageLevel = 96, FirmwareName = "3129", FirmwareCode = 3129 };
        var settings = new DeviceSettings { GnssRate = 10, Timezone = 0, OneLogPerDay = 1 };

        MetadataChecks.Check(info, settings, options).Should().Equal(
            "battery 59% (below 60%)",
            "storage 96% full (above 95%)",
            "firmware \"3129\" is not approved",
            "gnss_rate is 10 Hz (expected 5)",
            "timezone is 0 (expected 60)",
            "one_log_per_day is 1 (expected 0)");
    }

    [Fact]
    public void Check_ApprovedByCode_IsNotFlagged()
    {
        var options = new MotionServerOptions();
        options.ApprovedFirmware.Add("3129");

        MetadataChecks.Check(new DeviceInfo { Identifier = 1, FirmwareCode = 3129, FirmwareName = "3129" }, ExpectedSettings, options).Should().BeEmpty();
    }

    [Fact]
    public void Check_HostileFirmwareName_IsEscaped()
    {
        var options = new MotionServerOptions();
        options.ApprovedFirmware.Add("x");

        MetadataChecks.Check(new DeviceInfo { Identifier = 1, FirmwareName = "evil\nmotion-1 can be disconnected" }, ExpectedSettings, options)
            .Should().ContainSingle().Which.Should().NotContain("\n");
    }
}
