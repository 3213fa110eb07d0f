namespace MotionServer.Emulator.Tracks;

/// <summary>
/// A generated <c>.oao</c> file and the values its header holds, in device units (what logs.json publishes):
/// ms since the epoch, ms, mm and mm/s.
/// </summary>
/// <param name="Content">The whole file.</param>
/// <param name="StartDate">The header's start date.</param>
/// <param name="EndDate">The header's end date.</param>
/// <param name="Duration"><paramref name="EndDate"/> − <paramref name="StartDate"/>.</param>
/// <param name="Distance">Doppler distance, mm.</param>
/// <param name="Best2s">Best 2 s, mm/s.</param>
/// <param name="Best10s">Best 10 s, mm/s.</param>
/// <param name="Best500m">Best 500 m, mm/s.</param>
#pragma warning disable CA1819 // The shape is the emulator's contract; the bytes are handed out as they are served.
public sealed record GeneratedTrack(
    byte[] Content, long StartDate, long EndDate, long Duration, long Distance, long Best2s, long Best10s, long Best500m)
#pragma warning restore CA1819
{
    /// <summary>The exact byte length, logs.json's <c>size</c>.</summary>
    public long Size => Content.LongLength;
}
