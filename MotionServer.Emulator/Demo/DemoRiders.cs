namespace MotionServer.Emulator.Demo;

/// <summary>
/// Who wears the demo's devices: their craft, class and how fast they sail, so that a results page of the demo ranks
/// riders apart (kites and pro sailboards at the top, foils and youths lower down) instead of twelve alike.
/// </summary>
internal static class DemoRiders
{
    private static readonly Dictionary<int, Rider> Riders = new()
    {
        [801] = new("Sailboard", "", 38),
        [802] = new("Sailboard", "Women", 30),
        [803] = new("Kiteboard", "", 41),
        [804] = new("Sailboard", "Masters", 33),
        [805] = new("Windfoil", "", 27),
        [806] = new("Sailboard", "Youth", 24),
        [807] = new("Kiteboard", "Women", 35),
        [808] = new("Wingfoil", "", 21),
        [809] = new("Sailboard", "", 36),
        [810] = new("Windfoil", "Masters", 25),
        [811] = new("Sailboard", "", 31),
        [812] = new("Kiteboard", "Youth", 29),
    };

    /// <summary>The rider of <paramref name="deviceId"/>; a mid-fleet sailboarder for a device not in the table.</summary>
    public static Rider Of(int deviceId) => Riders.GetValueOrDefault(deviceId, new Rider("Sailboard", "", 30));

    /// <summary>A demo rider.</summary>
    /// <param name="Craft">The roster's <c>Craft Type</c>.</param>
    /// <param name="Class">The roster's <c>Class</c>.</param>
    /// <param name="TopKnots">Their top speed on a good day; each session reaches 85–100 % of it.</param>
    internal sealed record Rider(string Craft, string Class, double TopKnots);
}
