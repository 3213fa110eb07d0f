namespace MotionServer.Pipeline.Dashboard;

/// <summary>A device on today's roster that has not been on the network today.</summary>
internal sealed class StillOutView
{
    /// <summary>Device id.</summary>
    public required int Id { get; init; }

    /// <summary>Host name.</summary>
    public required string Hostname { get; init; }

    /// <summary>Competitor from the roster, or "—".</summary>
    public required string Competitor { get; init; }

    /// <summary>Local time last found on the network (an earlier day), or "—".</summary>
    public required string LastSeen { get; init; }
}
