namespace MotionServer.Pipeline.State;

/// <summary>The facts about a device that its next status depends on.</summary>
/// <param name="Status">Its status now.</param>
/// <param name="ReplanOwed">The roster changed its rows after it was planned (<see cref="RosterReplan"/>).</param>
/// <param name="AddressKnown">Its network address is known.</param>
internal readonly record struct StatusFacts(MotionStatus Status, bool ReplanOwed = false, bool AddressKnown = false);

/// <summary>
/// Which status follows which: pure, no state, no clock. What a stage learns sets its status outright (one worker holds a
/// device at a time, so what it learns is the news); three triggers depend on the device: a completion held back by a
/// re-plan, a roster change that undoes a completion, and a stop that cuts a download.
/// </summary>
internal static class MotionStatusMachine
{
    /// <summary>The status a device in <paramref name="facts"/> moves to on <paramref name="trigger"/> (its own when it stays).</summary>
    public static MotionStatus Next(StatusFacts facts, StatusTrigger trigger) => trigger switch
    {
        StatusTrigger.Found => MotionStatus.Connected,
        StatusTrigger.TracksOwed => MotionStatus.Pending,
        StatusTrigger.DownloadStarted => MotionStatus.Downloading,

        // The roster changed its rows during the visit: it may owe a track under the new roster, so it is never completed
        // ("can be disconnected") until it is planned again.
        StatusTrigger.AllDownloaded => facts.ReplanOwed ? MotionStatus.Connected : MotionStatus.Completed,
        StatusTrigger.StepFailed => MotionStatus.Failed,
        StatusTrigger.Left => MotionStatus.Disconnected,

        // Completed no longer stands: it is connected until it is inspected again.
        StatusTrigger.RowsChanged => facts.Status == MotionStatus.Completed ? MotionStatus.Connected : facts.Status,

        // Connected without an address: set back for a re-plan and looked for afresh, and the look did not find it.
        StatusTrigger.Released => facts.Status == MotionStatus.Connected && !facts.AddressKnown ? MotionStatus.Disconnected : facts.Status,

        // A download cut by the stop is not going on any more; its tracks stay queued for the next run.
        StatusTrigger.Stopped => facts.Status == MotionStatus.Downloading ? MotionStatus.Pending : facts.Status,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "not a status trigger"),
    };

    /// <summary>
    /// True when a roster change of its rows makes a device in <paramref name="status"/> owe a new plan: it has been planned
    /// (one waiting, disconnected or failed is not planned now, and its next plan uses the new roster anyway).
    /// </summary>
    public static bool RowsChangeOwesReplan(MotionStatus status) =>
        status is not (MotionStatus.Waiting or MotionStatus.Disconnected or MotionStatus.Failed);

}
