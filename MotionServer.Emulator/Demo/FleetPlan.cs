using MotionServer.Emulator.Fleet;

namespace MotionServer.Emulator.Demo;

/// <summary>A fleet to create and the roster that goes with it.</summary>
/// <param name="Devices">The devices, with their logs.</param>
/// <param name="Roster">The roster rows (placeholders and spare devices included).</param>
internal sealed record FleetPlan(IReadOnlyList<DeviceSetup> Devices, IReadOnlyList<RosterRow> Roster)
{
    /// <summary>The roster as <c>motions.csv</c> text.</summary>
    public string RosterCsv => RosterCsvWriter.Write(Roster);
}
