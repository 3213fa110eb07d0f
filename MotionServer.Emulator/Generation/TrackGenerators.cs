namespace MotionServer.Emulator.Generation;

/// <summary>The generator fleets use unless told otherwise.</summary>
internal static class TrackGenerators
{
    /// <summary>Valid OAO files (<c>MotionServer.Emulator.Tracks.SyntheticTrack</c>).</summary>
    public static ITrackGenerator Default { get; } = new SyntheticTrackGenerator();

    /// <summary>Reproducible filler bytes of the right size: fastest, for fleets whose content nobody reads.</summary>
    public static ITrackGenerator Filler { get; } = new FillerTrackGenerator();
}
