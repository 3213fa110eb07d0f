using MotionServer.Emulator.Devices;

namespace MotionServer.Emulator.Generation;

/// <summary>Makes the content and figures of a log.</summary>
internal interface ITrackGenerator
{
    /// <summary>Generates one log; the same spec always gives the same bytes.</summary>
    EmulatedTrack Generate(TrackSpec spec);
}
