namespace MotionServer.Pipeline.State;

/// <summary>What survives a restart: the history list (most recent connection first) and each device's last times.</summary>
internal sealed record HistoryRecord(IReadOnlyList<int> History, IReadOnlyDictionary<int, DeviceTimes> Devices)
{
    public static HistoryRecord Empty { get; } = new([], new Dictionary<int, DeviceTimes>());
}

/// <summary>A device's last seen and last completed times.</summary>
internal sealed record DeviceTimes(DateTimeOffset? LastSeen, DateTimeOffset? LastCompleted);
