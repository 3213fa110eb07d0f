namespace MotionServer.Emulator.Transfers;

/// <summary>Where a response body stands.</summary>
internal enum TransferOutcome
{
    /// <summary>Still sending.</summary>
    InProgress,

    /// <summary>Every byte sent.</summary>
    Completed,

    /// <summary>The device dropped the connection on purpose (an abort fault).</summary>
    Aborted,

    /// <summary>The device stopped sending on purpose (a stall fault) and waits for the client to give up.</summary>
    Stalled,

    /// <summary>The client went away, or the device left the network, before the end.</summary>
    Cut,
}
