namespace MotionServer.Pipeline.State;

/// <summary>A device moved from one status to another.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="Previous">Its status before.</param>
/// <param name="Current">Its status now.</param>
/// <param name="Time">When.</param>
public sealed record MotionStatusChange(int DeviceId, MotionStatus Previous, MotionStatus Current, DateTimeOffset Time);
