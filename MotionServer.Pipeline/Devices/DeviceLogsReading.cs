namespace MotionServer.Pipeline.Devices;

/// <summary>
/// What a logs.json held: the entries that can be tracks, those refused with their reasons, and the figures dropped as
/// unknown from entries that are still tracks (each with its entry and reason).
/// </summary>
internal sealed record DeviceLogsReading(IReadOnlyList<DeviceLog> Logs, IReadOnlyList<RefusedLogEntry> Refused, IReadOnlyList<RefusedLogEntry> Dropped);
