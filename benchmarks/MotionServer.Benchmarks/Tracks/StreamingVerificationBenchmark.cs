using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MotionServer.Emulator.Tracks;
using MotionServer.Pipeline.Tracks;
using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Benchmarks.Tracks;

/// <summary>
/// Memory and time of verifying a track on disk, as a download worker does: a 26 MB track (the largest devices serve,
/// about 500,000 frames at 5 Hz) against a 1 MB one (the baseline). Verification streams the file through a 64 KiB
/// buffer, so the Alloc Ratio should stay near 1 (targets: at most 1.5, and under 100 ms for 26 MB); before it
/// streamed, the file and its decoded frames were held (Alloc Ratio 16 in <see cref="Download.LargeTrackBenchmark"/>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class StreamingVerificationBenchmark
{
    private string _file = "";
    private TrackFigures _claims = TrackFigures.None;

    [GlobalSetup(Target = nameof(OneMegabyte))]
    public void SetupSmall() => Write(1_000_000);

    [GlobalSetup(Target = nameof(TwentySixMegabytes))]
    public void SetupLarge() => Write(26_000_000);

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark(Baseline = true)]
    public bool OneMegabyte() => TrackVerifier.VerifyFile(_file, _claims).IsValid;

    [Benchmark]
    public bool TwentySixMegabytes() => TrackVerifier.VerifyFile(_file, _claims).IsValid;

    private void Write(int bytes)
    {
        // 52 bytes a frame at 5 Hz, after a header and the 1,024 bytes devices add.
        var duration = TimeSpan.FromMilliseconds((bytes - (3 * OaoFrame.HeaderLength)) / OaoFrame.GnssLength * 200L);
        var spec = new SyntheticTrackSpec(817, "Bench", new DateTimeOffset(2025, 10, 12, 9, 0, 0, TimeSpan.Zero), duration, Seed: 1) { DevicePadding = true };
        var track = SyntheticTrack.Generate(spec);
        _claims = new TrackFigures(track.Size, track.StartDate, track.EndDate, track.Duration, track.Distance, track.Best2s, track.Best10s, track.Best500m);
        _file = Path.Combine(Path.GetTempPath(), $"motion-server-bench-{Guid.NewGuid():N}.oao");
        File.WriteAllBytes(_file, track.Content);
        if (!TrackVerifier.VerifyFile(_file, _claims).IsValid)
        {
            throw new InvalidOperationException("the generated track does not verify");
        }
    }
}
