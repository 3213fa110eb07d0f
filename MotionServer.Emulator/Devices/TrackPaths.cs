using System.Globalization;

namespace MotionServer.Emulator.Devices;

/// <summary>Device paths of logs, as the firmware names them: <c>/logs/2025/10/0817_2025-10-12-1102.oao</c> (local start).</summary>
internal static class TrackPaths
{
    /// <summary>The path of a log of <paramref name="deviceId"/> that started at <paramref name="start"/>.</summary>
    public static string For(int deviceId, DateTimeOffset start, int timezoneMinutes)
    {
        var local = start.UtcDateTime.AddMinutes(timezoneMinutes);
        return string.Create(CultureInfo.InvariantCulture,
            $"/logs/{local:yyyy}/{local:MM}/{deviceId:0000}_{local:yyyy-MM-dd-HHmm}.oao");
    }
}
