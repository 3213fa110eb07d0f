using MotionServer.Emulator.Devices;

namespace MotionServer.Emulator.Generation;

/// <summary>
/// Stand-in until the OAO generator is plugged in: content of the right size for the spec (a 512-byte header and
/// 52 bytes per sample, 1,536 bytes for an empty log) filled with reproducible bytes, and consistent figures.
/// Not a parseable OAO file: a server that verifies its downloads finds it damaged (and fetches it a second time).
/// </summary>
internal sealed class FillerTrackGenerator : ITrackGenerator
{
    private const int HeaderBytes = 512;
    private const int SampleBytes = 52;
    private const int EmptyLogBytes = 1536;
    private const double MillimetresPerSecondPerKnot = 1852.0 * 1000 / 3600;

    /// <inheritdoc />
    public EmulatedTrack Generate(TrackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        long durationMs = (long)spec.Duration.TotalMilliseconds;
        long samples = (long)spec.Duration.TotalSeconds * Math.Max(1, spec.FrequencyHz);
        var content = new byte[samples == 0 ? EmptyLogBytes : checked((int)(HeaderBytes + (samples * SampleBytes)))];
        var random = new Random(unchecked((spec.DeviceId * 397) ^ (int)spec.Start.ToUnixTimeSeconds() ^ (spec.Seed * 7919)));
        random.NextBytes(content);
        long start = spec.Start.ToUnixTimeMilliseconds();
        if (samples == 0)
        {
            return GeneratedTrackFactory.Create(spec, content, start, start, 0, 0, 0, 0, 0);
        }

        double top = spec.MaxSpeedKnots * MillimetresPerSecondPerKnot * (0.9 + (random.NextDouble() * 0.1));
        long distance = (long)(top * 0.55 * durationMs / 1000);
        return GeneratedTrackFactory.Create(spec, content, start, start + durationMs, durationMs, distance,
            (long)top, (long)(top * 0.96), (long)(top * 0.9));
    }
}
