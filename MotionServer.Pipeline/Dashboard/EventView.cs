namespace MotionServer.Pipeline.Dashboard;

/// <summary>One recent event as the events page shows it.</summary>
internal sealed class EventView
{
    /// <summary>Local time.</summary>
    public required string Time { get; init; }

    /// <summary>How long ago, e.g. <c>3 min ago</c>.</summary>
    public required string Ago { get; init; }

    /// <summary>The log's level word: DEBUG, INFO, WARNING or ERROR.</summary>
    public required string Level { get; init; }

    /// <summary>The device's host name, or "server".</summary>
    public required string Device { get; init; }

    /// <summary>The log line's words.</summary>
    public required string Message { get; init; }
}
