using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MotionServer.Emulator.Tracks;
using MotionServer.Pipeline.Tracks;
using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Results;
using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Benchmarks.Tracks;

/// <summary>
/// A track's single pass as the server makes it (<see cref="StreamingTrackResultsSource"/>): verification and the
/// results by the sport's rules from one walk of the file. A 26 MB track (about 500,000 frames at 5 Hz) against a
/// 1 MB one (the baseline); targets (issue 16): Alloc Ratio at most 1.5, 26 MB under 100 ms. The tracks are the ones
/// <see cref="StreamingVerificationBenchmark"/> writes, so the difference between the two is the results' cost.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class TrackPassBenchmark
{
    private readonly StreamingTrackResultsSource _source = StreamingTrackResultsSource.Default;
    private string _file = "";
    private TrackFigures _claims = TrackFigures.None;

    [GlobalSetup(Target = nameof(OneMegabyte))]
    public void SetupSmall() => Write(1_000_000);

    [GlobalSetup(Target = nameof(TwentySixMegabytes))]
    public void SetupLarge() => Write(26_000_000);

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark(Baseline = true)]
    public bool OneMegabyte() => _source.Check(_file, _claims).Verdict.IsValid;

    [Benchmark]
    public bool TwentySixMegabytes() => _source.Check(_file, _claims).Verdict.IsValid;

    private void Write(int bytes)
    {
        // 52 bytes a frame at 5 Hz, after a header and the 1,024 bytes devices add (as StreamingVerificationBenchmark).
        var duration = TimeSpan.FromMilliseconds((bytes - (3 * OaoFrame.HeaderLength)) / OaoFrame.GnssLength * 200L);
        var spec = new SyntheticTrackSpec(817, "Bench", new DateTimeOffset(2025, 10, 12, 9, 0, 0, TimeSpan.Zero), duration, Seed: 1) { DevicePadding = true };
        var track = SyntheticTrack.Generate(spec);
        _claims = new TrackFigures(track.Size, track.StartDate, track.EndDate, track.Duration, track.Distance, track.Best2s, track.Best10s, track.Best500m);
        _file = Path.Combine(Path.GetTempPath(), $"motion-server-bench-{Guid.NewGuid():N}.oao");
        File.WriteAllBytes(_file, track.Content);
        var pass = _source.Check(_file, _claims);
        if (!pass.Verdict.IsValid || pass.Results.Device.TwoSeconds is null)
        {
            throw new InvalidOperationException("the generated track does not verify or gives no results");
        }
    }
}
