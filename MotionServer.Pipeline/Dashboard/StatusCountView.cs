namespace MotionServer.Pipeline.Dashboard;

/// <summary>How many devices are in one status.</summary>
/// <param name="Name">The status word, e.g. <c>downloading</c>.</param>
/// <param name="Count">Devices in it.</param>
internal sealed record StatusCountView(string Name, int Count);
