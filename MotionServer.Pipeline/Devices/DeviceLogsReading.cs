namespace MotionServer.Pipeline.Devices;

/// <summary>What a logs.json held: the entries that can be tracks, and those refused with their reasons.</summary>
internal sealed record DeviceLogsReading(IReadOnlyList<DeviceLog> Logs, IReadOnlyList<RefusedLogEntry> Refused);
