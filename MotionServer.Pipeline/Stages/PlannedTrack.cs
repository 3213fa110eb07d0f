using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Stages;

/// <summary>A track to fetch: where it is on the device and where it goes.</summary>
/// <param name="Name">Its local name (from the roster).</param>
/// <param name="Log">The device's logs.json entry.</param>
/// <param name="FinalPath">Its absolute final path under <c>gpslogs/</c>.</param>
internal sealed record PlannedTrack(TrackName Name, DeviceLog Log, string FinalPath)
{
    public string FileName => Name.FileName;
}
