namespace MotionServer.Emulator.Fleet;

/// <summary>The shape of a <see cref="CompressedDay"/>: how many riders come in, how fast, and how long they stay.</summary>
internal sealed record CompressedDayOptions
{
    /// <summary>Waves of riders coming off the water; a wave begins when the last one's visits have all ended.</summary>
    public int Waves { get; init; } = 6;

    /// <summary>Devices joining in each wave, chosen at random (at most the fleet's size).</summary>
    public int JoinsPerWave { get; init; } = 113;

    /// <summary>A wave's joins fall at random moments over this span.</summary>
    public TimeSpan Spread { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>Served, a device stays a random time between these two, then leaves.</summary>
    public TimeSpan StayAtLeast { get; init; } = TimeSpan.FromSeconds(5);

    /// <inheritdoc cref="StayAtLeast"/>
    public TimeSpan StayAtMost { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A device is away at least this long between visits: it left, the server noticed, and it may come back. (Back
    /// sooner than the server noticed, it was never gone for the server, with nothing new to be served.)
    /// </summary>
    public TimeSpan AwayAtLeast { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>A device not served within this long after joining gives up, counts as not served, and leaves.</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Makes the choice of devices and every moment reproducible.</summary>
    public int Seed { get; init; } = 677;
}
