using System.Diagnostics;
using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Results;
using Xunit.Abstractions;

namespace MotionServer.Pipeline.Tests.Tracks.Results;

/// <summary>The calculator keeps bounded windows only: a track four times longer costs no more memory.</summary>
public sealed class BoundedMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void AFourTimesLongerTrack_AllocatesNoMore()
    {
        var hour = GeneratedSession.Frames(10, 21, TimeSpan.FromHours(1));
        var fourHours = GeneratedSession.Frames(10, 21, TimeSpan.FromHours(4));
        Allocated(hour);

        long forHour = Allocated(hour);
        long forFourHours = Allocated(fourHours);

        // Storing the 108,000 extra frames would take 3.5 MB at 32 bytes each; each run's small record is all that grows.
        (forFourHours - forHour).Should().BeLessThan(256 * 1024);
        forHour.Should().BeLessThan(5L * 1024 * 1024,
            "one history of 2.5 MiB at 10 Hz and the alpha's rings: the rules keep every frame of this healthy track, so their set reads the device's history and no ring of frames set aside is made");
    }

    [Fact]
    public void APass_AfterAnotherWasDisposed_TakesItsRingsFromThePool_AndGivesTheFiguresOfNewRings()
    {
        var hour = GeneratedSession.Frames(10, 21, TimeSpan.FromHours(1));
        var other = GeneratedSession.Frames(10, 5, TimeSpan.FromHours(1));
        var rings = new PassRings();
        Allocated(hour, out var withNewRings);
        Allocated(other, out _, rings: rings, dispose: true); // its rings, full of another track's frames, go back to the pool

        long allocated = Allocated(hour, out var withPooledRings, rings: rings, dispose: true);

        allocated.Should().BeLessThan(256 * 1024, "the rings of the pass before are taken again, not 4 MB of new ones");
        withPooledRings.Should().BeEquivalentTo(withNewRings, "nothing of the track before shows in the figures");
    }

    [Fact]
    public void AShortTrack_BoundedByItsFilesLength_TakesRingsOfItsSize_AndTheSameFigures()
    {
        var tenMinutes = GeneratedSession.Frames(10, 21, TimeSpan.FromMinutes(10));
        long fileBound = TrackResultsCalculator.ForFileOf(tenMinutes.Length * (long)OaoFrame.GnssLength);
        Allocated(tenMinutes);

        long unbounded = Allocated(tenMinutes, out var unboundedResults);
        long bounded = Allocated(tenMinutes, out var boundedResults, fileBound);

        bounded.Should().BeLessThan(unbounded / 2, "6,000 frames need rings of 8,192 entries, not of an hour and a quarter (65,536)");
        boundedResults.Should().BeEquivalentTo(unboundedResults, "every frame is still held: the bound is the most the file can hold");
    }

    [Fact]
    public void FrameHistory_IsNoLargerThanTheFramesTheFileCanHold_NorSmallerThanItsMinimum()
    {
        new FrameHistory(10).Capacity.Should().Be(65_536, "an hour and a quarter at 10 Hz");
        new FrameHistory(10, frameBound: 6_000).Capacity.Should().Be(8_192);
        new FrameHistory(10, frameBound: 10).Capacity.Should().Be(FrameHistory.MinimumCapacity);
    }

    private long Allocated(OaoGnssFrame[] frames) => Allocated(frames, out _);

    /// <summary>
    /// What one pass allocates, with rings from <paramref name="rings"/>, or else from a pool of its own (new rings
    /// whatever the tests running beside it give back to the server's).
    /// </summary>
    private long Allocated(OaoGnssFrame[] frames, out TrackResults results, long frameBound = long.MaxValue, PassRings? rings = null, bool dispose = false)
    {
        rings ??= new PassRings();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var calculator = new TrackResultsCalculator(ResultRules.Default, rings: rings) { FrameBound = frameBound };
        calculator.OnHeader(new OaoHeader { FrequencyHz = 10 });
        foreach (var frame in frames)
        {
            calculator.OnGnssFrame(frame);
        }

        results = calculator.Finish();
        if (dispose)
        {
            calculator.Dispose();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{frames.Length} frames: {allocated} bytes, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms of processor time");
        return allocated;
    }
}
