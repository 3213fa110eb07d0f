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
        forHour.Should().BeLessThan(8L * 1024 * 1024, "two histories of 2 MiB at 10 Hz and the ring of frames set aside");
    }

    private long Allocated(OaoGnssFrame[] frames)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var calculator = new TrackResultsCalculator(ResultRules.Default);
        calculator.OnHeader(new OaoHeader { FrequencyHz = 10 });
        foreach (var frame in frames)
        {
            calculator.OnGnssFrame(frame);
        }

        calculator.Finish();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{frames.Length} frames: {allocated} bytes, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms of processor time");
        return allocated;
    }
}
