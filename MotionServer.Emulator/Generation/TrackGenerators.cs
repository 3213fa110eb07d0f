namespace MotionServer.Emulator.Generation;

/// <summary>The generator fleets use unless told otherwise.</summary>
internal static class TrackGenerators
{
    /// <summary>
    /// The default generator. The seam for the synthetic OAO generator (branch <c>oao</c>,
    /// <c>MotionServer.Emulator.Tracks.SyntheticTrack</c>): until it is merged, reproducible filler bytes.
    /// </summary>
    public static ITrackGenerator Default { get; } = new FillerTrackGenerator();
}
