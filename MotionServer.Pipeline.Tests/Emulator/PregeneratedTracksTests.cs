using System.Collections.Concurrent;
using MotionServer.Emulator.Demo;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Generation;

namespace MotionServer.Pipeline.Tests.Emulator;

public sealed class PregeneratedTracksTests
{
    private static readonly DateTimeOffset Start = new(2025, 10, 12, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void For_PlanOfSeveralLogs_EachGeneratedOnceAndHandedOutWithTheSameBytes()
    {
        var counting = new CountingGenerator();
        var specs = Enumerable.Range(0, 6).Select(i => new TrackSpec(801, "n", Start.AddHours(i), TimeSpan.FromMinutes(10 + i), Seed: i)).ToArray();
        void Plan(ITrackGenerator generator)
        {
            foreach (var spec in specs)
            {
                generator.Generate(spec);
            }
        }

        var ready = PregeneratedTracks.For(counting, Plan);
        counting.Calls.Values.Should().AllSatisfy(n => n.Should().Be(1)).And.HaveCount(6);

        foreach (var spec in specs)
        {
            ready.Generate(spec).Content.ToArray().Should().Equal(TrackGenerators.Default.Generate(spec).Content.ToArray());
        }

        counting.Calls.Values.Sum().Should().Be(6, "the real pass found every log ready");
    }

    [Fact]
    public void Generate_SpecNotForeseen_GeneratedWhenAsked()
    {
        var counting = new CountingGenerator();
        var ready = PregeneratedTracks.For(counting, _ => { });
        var spec = new TrackSpec(802, "n", Start, TimeSpan.FromMinutes(5));

        ready.Generate(spec).Size.Should().BeGreaterThan(1536);
        counting.Calls[spec].Should().Be(1);
    }

    [Fact]
    public void FrozenTime_AlwaysTheSameInstantAndZone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Event+2", TimeSpan.FromHours(2), "Event+2", "Event+2");
        var live = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start);
        live.SetLocalTimeZone(zone);
        var frozen = new PregeneratedTracks.FrozenTime(live);

        live.Advance(TimeSpan.FromHours(1));

        frozen.GetUtcNow().Should().Be(Start);
        frozen.LocalTimeZone.Should().Be(zone);
    }

    private sealed class CountingGenerator : ITrackGenerator
    {
        public ConcurrentDictionary<TrackSpec, int> Calls { get; } = new();

        public EmulatedTrack Generate(TrackSpec spec)
        {
            Calls.AddOrUpdate(spec, 1, (_, n) => n + 1);
            return TrackGenerators.Default.Generate(spec);
        }
    }
}
