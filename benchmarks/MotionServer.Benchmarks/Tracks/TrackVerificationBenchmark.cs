using BenchmarkDotNet.Attributes;
using MotionServer.Emulator.Tracks;
using MotionServer.Pipeline.Tracks;
using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Benchmarks.Tracks;

/// <summary>
/// What verifying a track after its download costs, next to what the download itself costs. A 26 MB track (the
/// largest devices serve, about 500,000 frames at 5 Hz) takes 26,000,000 / (0.65 × 1,048,576) ≈ 38 s to arrive at
/// 0.65 MiB/s; a one-hour track (0.9 MB) about 1.4 s. The baseline only walks the frames and checks their checksums.
/// Compare the ratios and the allocations, and the mean against those transfer times.
/// </summary>
[MemoryDiagnoser]
public class TrackVerificationBenchmark
{
    private const int TwentySixMegabytes = 26_000_000;

    private byte[] _content = [];
    private string _file = "";
    private TrackFigures _claims = TrackFigures.None;

    /// <summary>Which track to verify.</summary>
    [Params("1h", "26MB")]
    public string Track { get; set; } = "1h";

    [GlobalSetup]
    public void Setup()
    {
        var duration = Track == "1h"
            ? TimeSpan.FromHours(1)
            : TimeSpan.FromMilliseconds((TwentySixMegabytes - (3 * OaoFrame.HeaderLength)) / OaoFrame.GnssLength * 200L);
        var spec = new SyntheticTrackSpec(817, "Bench", new DateTimeOffset(2025, 10, 12, 9, 0, 0, TimeSpan.Zero), duration, Seed: 1) { DevicePadding = true };
        var track = SyntheticTrack.Generate(spec);
        _content = track.Content;
        _claims = new TrackFigures(track.Size, track.StartDate, track.EndDate, track.Duration, track.Distance, track.Best2s, track.Best10s, track.Best500m);
        _file = Path.Combine(Path.GetTempPath(), $"motion-server-bench-{Guid.NewGuid():N}.oao");
        File.WriteAllBytes(_file, _content);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark(Baseline = true)]
    public int WalkAndVerifyChecksums() => ChecksumWalk.CountValidFrames(_content);

    /// <summary>The verifier on a file in memory: structure, summary, comparison with the header and logs.json.</summary>
    [Benchmark]
    public bool Verify() => TrackVerifier.Verify(_content, _claims).IsValid;

    /// <summary>What the download worker does: read the file back from disk (warm cache) and verify it.</summary>
    [Benchmark]
    public bool VerifyFile() => TrackVerifier.VerifyFile(_file, _claims).IsValid;
}
