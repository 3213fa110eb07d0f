namespace MotionServer.Pipeline.State;

/// <summary>The contract's lower-case words for each <see cref="MotionStatus"/>.</summary>
internal static class MotionStatusNames
{
    /// <summary>The word used in status.json, the dashboards and the log, e.g. <c>downloading</c>.</summary>
    public static string ToContractName(this MotionStatus status) => status switch
    {
        MotionStatus.Waiting => "waiting",
        MotionStatus.Connected => "connected",
        MotionStatus.Pending => "pending",
        MotionStatus.Downloading => "downloading",
        MotionStatus.Completed => "completed",
        MotionStatus.Failed => "failed",
        MotionStatus.Disconnected => "disconnected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
