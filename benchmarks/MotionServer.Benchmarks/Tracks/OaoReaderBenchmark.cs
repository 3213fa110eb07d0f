using BenchmarkDotNet.Attributes;
using MotionServer.Emulator.Tracks;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Benchmarks.Tracks;

/// <summary>
/// Reading a whole OAO file: a one-hour 5 Hz track (0.9 MB, 18,000 frames) and a 25 MiB one (the largest devices
/// serve, about 504,000 frames). The baseline only walks the frames and checks their checksums: the floor any reader
/// pays. Compare the ratios and the allocations, not the absolute times.
/// </summary>
[MemoryDiagnoser]
public class OaoReaderBenchmark
{
    private const int TwentyFiveMebibytes = 25 * 1024 * 1024;

    private byte[] _content = [];

    /// <summary>Which track to read.</summary>
    [Params("1h", "25MiB")]
    public string Track { get; set; } = "1h";

    [GlobalSetup]
    public void Setup()
    {
        var duration = Track == "1h"
            ? TimeSpan.FromHours(1)
            : TimeSpan.FromMilliseconds((TwentyFiveMebibytes - OaoFrame.HeaderLength) / OaoFrame.GnssLength * 200L);
        var spec = new SyntheticTrackSpec(817, "Bench", new DateTimeOffset(2025, 10, 12, 9, 0, 0, TimeSpan.Zero), duration, Seed: 1);
        _content = SyntheticTrack.Generate(spec).Content;
    }

    [Benchmark(Baseline = true)]
    public int WalkAndVerifyChecksums() => ChecksumWalk.CountValidFrames(_content);

    [Benchmark]
    public int Read() => OaoReader.Read(_content).Frames.Count;

    [Benchmark]
    public long ReadAndSummarise() => OaoSummaryCalculator.Calculate(OaoReader.Read(_content)).Best500m;
}
