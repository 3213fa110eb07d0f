namespace MotionServer.Pipeline.Storage;

/// <summary>A track's status in the ledger. The ledger never says "downloading": that lives only in memory.</summary>
internal enum LedgerStatus
{
    /// <summary>Due for download.</summary>
    Queued,

    /// <summary>The event's, but below the speed filter: not fetched.</summary>
    Skipped,

    /// <summary>The last attempt failed; it will be retried.</summary>
    Failed,

    /// <summary>Downloaded, complete, at its final name.</summary>
    Completed,
}
