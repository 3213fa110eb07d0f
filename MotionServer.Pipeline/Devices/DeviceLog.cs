using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Devices;

/// <summary>One entry of a device's <c>logs.json</c>, in the device's units (bytes, ms since the epoch, ms, mm, mm/s).</summary>
internal sealed record DeviceLog
{
    /// <summary>The path on the device (untrusted: checked by <see cref="Tracks.DevicePath"/> before use).</summary>
    public required string File { get; init; }

    /// <summary>Announced length in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>The log's own time zone, minutes east of UTC, when it has one.</summary>
    public int? Timezone { get; init; }

    /// <summary>Start, ms since the epoch (UTC).</summary>
    public long StartDate { get; init; }

    /// <summary>End, ms since the epoch (UTC).</summary>
    public long EndDate { get; init; }

    /// <summary>Duration, ms.</summary>
    public long Duration { get; init; }

    /// <summary>Distance, mm.</summary>
    public long Distance { get; init; }

    /// <summary>Best 2 s speed, mm/s.</summary>
    public long Best2s { get; init; }

    /// <summary>Best 10 s speed, mm/s.</summary>
    public long Best10s { get; init; }

    /// <summary>Best 500 m speed, mm/s.</summary>
    public long Best500m { get; init; }

    /// <summary>Its figures as one value: what the ledger entry records, and what the verifier compares the file against.</summary>
    public TrackFigures Figures => new(Size, StartDate, EndDate, Duration, Distance, Best2s, Best10s, Best500m);
}
