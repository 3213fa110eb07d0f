namespace MotionServer.Emulator.Fleet;

/// <summary>What a schedule step does to its device.</summary>
internal enum ScheduleAction
{
    /// <summary>The device joins the network.</summary>
    Join,

    /// <summary>The device leaves the network.</summary>
    Leave,

    /// <summary>Runs <see cref="ScheduleStep.Custom"/> (add a track, drain the battery ...).</summary>
    Custom,
}
