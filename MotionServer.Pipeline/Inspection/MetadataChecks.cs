using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Logging;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// Compares a device's metadata with what the event expects and lists what the staff should look at:
/// low battery, nearly full storage, unapproved firmware, settings that differ from the expected ones.
/// </summary>
internal static class MetadataChecks
{
    public static IReadOnlyList<string> Check(DeviceInfo info, DeviceSettings settings, MotionServerOptions options)
    {
        var warnings = new List<string>();
        if (info.BatteryLevel is { } battery && battery < options.Thresholds.Battery)
        {
            warnings.Add($"battery {battery}% (below {options.Thresholds.Battery}%)");
        }

        if (info.StorageLevel is { } storage && storage > options.Thresholds.Storage)
        {
            warnings.Add($"storage {storage}% full (above {options.Thresholds.Storage}%)");
        }

        if (options.ApprovedFirmware.Count > 0)
        {
            string firmware = info.FirmwareName ?? info.FirmwareCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
            bool approved = options.ApprovedFirmware.Any(a =>
                string.Equals(a.Trim(), firmware.Trim(), StringComparison.OrdinalIgnoreCase)
                || (info.FirmwareCode is { } code && a.Trim() == code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (!approved)
            {
                warnings.Add($"firmware \"{LogText.Escape(firmware)}\" is not approved");
            }
        }

        var expected = options.Expected;
        if (settings.GnssRate is { } rate && rate != expected.GnssRate)
        {
            warnings.Add($"gnss_rate is {rate} Hz (expected {expected.GnssRate})");
        }

        if (settings.Timezone is { } timezone && timezone != expected.Timezone)
        {
            warnings.Add($"timezone is {timezone} (expected {expected.Timezone})");
        }

        if (settings.OneLogPerDay is { } oneLog && oneLog != expected.OneLogPerDay)
        {
            warnings.Add($"one_log_per_day is {oneLog} (expected {expected.OneLogPerDay})");
        }

        return warnings;
    }
}
