namespace MotionServer.Emulator.Devices;

/// <summary>
/// One log on a device: the bytes served at <see cref="Path"/> and the figures logs.json announces for it
/// (device units: ms since the Unix epoch, ms, mm, mm/s). The content may be any bytes.
/// </summary>
internal sealed record EmulatedTrack
{
    /// <summary>The device path, e.g. <c>/logs/2025/10/0817_2025-10-12-1102.oao</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The bytes served.</summary>
    public required ReadOnlyMemory<byte> Content { get; init; }

    /// <summary>The <c>size</c> logs.json announces; null announces the content's length (the honest case).</summary>
    public long? AnnouncedSize { get; init; }

    /// <summary>The log's <c>timezone</c> (minutes east of UTC); null leaves the field out.</summary>
    public int? TimezoneMinutes { get; init; } = 60;

    /// <summary><c>mode</c>.</summary>
    public int Mode { get; init; }

    /// <summary><c>start_date</c>, ms since the Unix epoch (UTC).</summary>
    public long StartDate { get; init; }

    /// <summary><c>end_date</c>, ms since the Unix epoch (UTC).</summary>
    public long EndDate { get; init; }

    /// <summary><c>duration</c>, ms.</summary>
    public long Duration { get; init; }

    /// <summary><c>distance</c>, mm.</summary>
    public long Distance { get; init; }

    /// <summary><c>2s_best</c>, mm/s.</summary>
    public long Best2s { get; init; }

    /// <summary><c>10s_best</c>, mm/s.</summary>
    public long Best10s { get; init; }

    /// <summary><c>500m_best</c>, mm/s.</summary>
    public long Best500m { get; init; }

    /// <summary><c>1852m_best</c>, mm/s.</summary>
    public long Best1852m { get; init; }

    /// <summary><c>a500m_best</c> (alpha 500), mm/s.</summary>
    public long BestAlpha500m { get; init; }

    /// <summary><c>1h_best</c>, mm/s.</summary>
    public long Best1h { get; init; }

    /// <summary>The free-text fields (<c>spot</c>, <c>wind</c>, <c>board</c>, <c>sail</c>, <c>fin</c>).</summary>
    public TrackNotes Notes { get; init; } = TrackNotes.Empty;

    /// <summary>The size logs.json announces.</summary>
    public long Size => AnnouncedSize ?? Content.Length;

    /// <summary>A track of hand-made bytes starting at <paramref name="start"/> and lasting <paramref name="duration"/>.</summary>
    public static EmulatedTrack FromBytes(int deviceId, DateTimeOffset start, TimeSpan duration, ReadOnlyMemory<byte> content, int timezoneMinutes = 60) =>
        new()
        {
            Path = TrackPaths.For(deviceId, start, timezoneMinutes),
            Content = content,
            TimezoneMinutes = timezoneMinutes,
            StartDate = start.ToUnixTimeMilliseconds(),
            EndDate = (start + duration).ToUnixTimeMilliseconds(),
            Duration = (long)duration.TotalMilliseconds,
        };

    /// <summary>The same log with <paramref name="extra"/> appended (a device logging "one log per day").</summary>
    public EmulatedTrack Append(ReadOnlySpan<byte> extra, TimeSpan addedDuration = default, long addedDistance = 0)
    {
        var bytes = new byte[Content.Length + extra.Length];
        Content.Span.CopyTo(bytes);
        extra.CopyTo(bytes.AsSpan(Content.Length));
        long added = (long)addedDuration.TotalMilliseconds;
        return this with
        {
            Content = bytes,
            AnnouncedSize = AnnouncedSize is { } announced ? announced + extra.Length : null,
            EndDate = EndDate + added,
            Duration = Duration + added,
            Distance = Distance + addedDistance,
        };
    }
}
