namespace MotionServer.Pipeline.State;

/// <summary>What happened to a device, as the <see cref="MotionStatusMachine"/> hears it.</summary>
internal enum StatusTrigger
{
    /// <summary>Detection found it answering.</summary>
    Found,

    /// <summary>Inspection found tracks it owes.</summary>
    TracksOwed,

    /// <summary>Its download began.</summary>
    DownloadStarted,

    /// <summary>Every track it owes is downloaded.</summary>
    AllDownloaded,

    /// <summary>A step failed.</summary>
    StepFailed,

    /// <summary>It left the network.</summary>
    Left,

    /// <summary>The roster changed the rows that decide its tracks.</summary>
    RowsChanged,

    /// <summary>It left the Dataflow graph (its claim was released).</summary>
    Released,

    /// <summary>The server stopped.</summary>
    Stopped,
}
