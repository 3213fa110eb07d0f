namespace MotionServer.Pipeline.State;

/// <summary>Where a roster device stands. Each device is in exactly one status at a time.</summary>
public enum MotionStatus
{
    /// <summary>Not seen since this server started.</summary>
    Waiting,

    /// <summary>Found on the network; its metadata is about to be read.</summary>
    Connected,

    /// <summary>Metadata read; tracks are queued for download.</summary>
    Pending,

    /// <summary>Its tracks are being downloaded.</summary>
    Downloading,

    /// <summary>Every track it owes is downloaded: it can be disconnected.</summary>
    Completed,

    /// <summary>The last step failed; it will be retried from detection.</summary>
    Failed,

    /// <summary>Was seen, and has left the network.</summary>
    Disconnected,
}
