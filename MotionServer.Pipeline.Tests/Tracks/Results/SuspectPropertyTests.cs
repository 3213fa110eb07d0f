using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Tests.Tracks.Results;

/// <summary>
/// Properties over generated sessions: a healthy session is never suspect, and injected glitch bursts leave the
/// filtered figures those of the same session with the glitch frames taken out (within 0.01 knots) while making it
/// suspect.
/// </summary>
public sealed class SuspectPropertyTests
{
    public static TheoryData<int, int> Sessions => new() { { 1, 11 }, { 5, 12 }, { 5, 13 }, { 10, 14 }, { 10, 15 }, { 2, 16 } };

    [Theory]
    [MemberData(nameof(Sessions))]
    public void AHealthySession_IsNeverSuspect(int frequency, int seed)
    {
        var frames = GeneratedSession.Frames(frequency, seed, TimeSpan.FromMinutes(70));

        var results = Results.Of(frames, frequency);

        results.Reasons.Should().BeEmpty();
        results.Figures.TwoSeconds.Should().BeApproximately(results.Device.TwoSeconds!.Value, 0.01);
        results.Figures.OneHour.Should().NotBeNull();
        results.Figures.Alpha500.Should().NotBeNull();
        results.Figures.FiveByTenSeconds.Should().NotBeNull();
    }

    [Theory]
    [MemberData(nameof(Sessions))]
    public void InjectedGlitches_LeaveTheFilteredFiguresOfTheSessionWithoutThem_AndMakeItSuspect(int frequency, int seed)
    {
        var healthy = GeneratedSession.Frames(frequency, seed, TimeSpan.FromMinutes(40));
        var random = new Random(seed);
        var glitched = (OaoGnssFrame[])healthy.Clone();
        var dropped = new HashSet<int>();
        for (int burst = 0; burst < 3; burst++)
        {
            int at = random.Next(100, healthy.Length - 100);
            for (int i = at; i < at + Math.Max(2, frequency); i++)
            {
                glitched[i] = Glitch(glitched[i], random);
                dropped.Add(i);
            }
        }

        var results = Results.Of(glitched, frequency);
        var without = Results.Of(healthy.Where((_, i) => !dropped.Contains(i)), frequency);

        results.IsSuspect.Should().BeTrue();
        AssertClose(results.Figures, without.Figures);
    }

    private static OaoGnssFrame Glitch(OaoGnssFrame frame, Random random) => random.Next(4) switch
    {
        0 => frame with { Speed = frame.Speed + 25_000, Satellites = 3 },
        1 => frame with { Speed = frame.Speed + 25_000, Dop = 2500 },
        2 => frame with { Speed = frame.Speed + 25_000, SpeedAccuracy = 6000 },
        _ => frame with { Speed = frame.Speed + 25_000 },
    };

    private static void AssertClose(CategoryFigures actual, CategoryFigures expected)
    {
        foreach (var category in ResultCategories.All)
        {
            var a = ResultCategories.Of(actual, category);
            var e = ResultCategories.Of(expected, category);
            (a is null).Should().Be(e is null, category.ToString());
            if (a is { } value)
            {
                value.Should().BeApproximately(e!.Value, 0.01, category.ToString());
            }
        }

        actual.DistanceKm.Should().BeApproximately(expected.DistanceKm!.Value, 1e-6);
    }
}
