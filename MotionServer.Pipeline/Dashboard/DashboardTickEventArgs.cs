namespace MotionServer.Pipeline.Dashboard;

/// <summary>One tick of the dashboard loop has ended.</summary>
/// <param name="duration">How long it took: the snapshot, the render and the writes.</param>
internal sealed class DashboardTickEventArgs(TimeSpan duration) : EventArgs
{
    /// <summary>How long the tick took.</summary>
    public TimeSpan Duration { get; } = duration;
}
