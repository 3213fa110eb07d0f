using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.State;

/// <summary>A notable thing that happened, for the dashboards' recent-events page.</summary>
/// <param name="Time">When.</param>
/// <param name="Level">How serious.</param>
/// <param name="DeviceId">Which device, or null for the server itself.</param>
/// <param name="Message">The same words as the log line.</param>
public sealed record FleetEvent(DateTimeOffset Time, LogLevel Level, int? DeviceId, string Message);
