namespace MotionServer.Pipeline.Dashboard;

/// <summary>One notice as every page shows it: a banner.</summary>
internal sealed class NoticeView
{
    /// <summary>Stable code, e.g. <c>disk-space-low</c>.</summary>
    public required string Code { get; init; }

    /// <summary><c>warning</c> or <c>error</c>.</summary>
    public required string Severity { get; init; }

    /// <summary>What is wrong and what to do.</summary>
    public required string Text { get; init; }

    /// <summary>Local time it started.</summary>
    public required string Since { get; init; }

    /// <summary>How long ago it started, e.g. <c>3 min ago</c>.</summary>
    public required string SinceAgo { get; init; }
}
