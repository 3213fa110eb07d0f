namespace MotionServer.Pipeline.Dashboard;

/// <summary>One rendered file of the dashboards folder.</summary>
/// <param name="Name">File name in <c>dashboards/</c>, e.g. <c>index.html</c>.</param>
/// <param name="Content">Its UTF-8 content.</param>
internal sealed record DashboardFile(string Name, ReadOnlyMemory<byte> Content);
