using System.Collections.Concurrent;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Generation;

namespace MotionServer.Emulator.Demo;

/// <summary>
/// Keeps the demo's start fast now that its logs are hours long (tens of MB in all): a first, cheap pass over the
/// plan with a recording generator collects every spec, those are generated in parallel, and the real pass then
/// finds them ready. A spec the first pass did not foresee (one placed after a log whose exact end only the real
/// generator knows) is generated when asked, as before. The same spec always gives the same bytes, so the demo is
/// the same either way.
/// </summary>
internal sealed class PregeneratedTracks : ITrackGenerator
{
    private readonly ITrackGenerator _generator;
    private readonly ConcurrentDictionary<TrackSpec, EmulatedTrack> _ready = new();

    private PregeneratedTracks(ITrackGenerator generator) => _generator = generator;

    /// <summary>Generates, in parallel, every log <paramref name="plan"/> asks for, and returns a generator that hands them out.</summary>
    /// <param name="generator">The real generator.</param>
    /// <param name="plan">Builds the plan with the generator it is given (called once, with a recording one).</param>
    public static PregeneratedTracks For(ITrackGenerator generator, Action<ITrackGenerator> plan)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(plan);
        var recorder = new Recorder();
        plan(recorder);
        var pregenerated = new PregeneratedTracks(generator);
        Parallel.ForEach(recorder.Specs.Distinct(), spec => pregenerated._ready.TryAdd(spec, generator.Generate(spec)));
        return pregenerated;
    }

    /// <inheritdoc />
    public EmulatedTrack Generate(TrackSpec spec) =>
        _ready.TryRemove(spec, out var track) ? track : _generator.Generate(spec);

    /// <summary>One instant for both passes, so that both place the logs alike.</summary>
    public sealed class FrozenTime(TimeProvider time) : TimeProvider
    {
        private readonly DateTimeOffset _now = time.GetUtcNow();

        public override TimeZoneInfo LocalTimeZone { get; } = time.LocalTimeZone;

        public override DateTimeOffset GetUtcNow() => _now;
    }

    /// <summary>Notes each spec and answers with an empty stand-in of the right dates (nothing is generated).</summary>
    private sealed class Recorder : ITrackGenerator
    {
        public List<TrackSpec> Specs { get; } = [];

        public EmulatedTrack Generate(TrackSpec spec)
        {
            Specs.Add(spec);
            long start = spec.Start.ToUnixTimeMilliseconds();
            long duration = (long)spec.Duration.TotalMilliseconds;
            return GeneratedTrackFactory.Create(spec, ReadOnlyMemory<byte>.Empty, start, start + duration, duration, 0, 0, 0, 0);
        }
    }
}
