namespace MotionServer.Emulator.Faults;

/// <summary>The faults one request meets, combined.</summary>
internal sealed record RequestFaults
{
    /// <summary>No fault.</summary>
    public static RequestFaults None { get; } = new();

    /// <summary>Total wait before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Error status to answer instead, if any.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Cut the JSON document short.</summary>
    public bool MalformedJson { get; init; }

    /// <summary>Make the JSON document longer than this many bytes.</summary>
    public long? OversizedJsonBytes { get; init; }

    /// <summary>Identifier info.json names instead of the device's.</summary>
    public int? WrongIdentifier { get; init; }

    /// <summary>True when info.json must name a wrong identifier.</summary>
    public bool HasWrongIdentifier { get; init; }

    /// <summary>Hostile paths logs.json lists too.</summary>
    public IReadOnlyList<string> HostilePaths { get; init; } = [];

    /// <summary>Raw entries logs.json lists too.</summary>
    public IReadOnlyList<string> RawLogEntries { get; init; } = [];

    /// <summary>The raw text to serve instead of the JSON document.</summary>
    public string? RawDocument { get; init; }

    /// <summary>Send the body without a Content-Length (chunked).</summary>
    public bool NoContentLength { get; init; }

    /// <summary>Bytes sent before the connection is dropped.</summary>
    public long? AbortAfter { get; init; }

    /// <summary>Bytes sent before the body stalls.</summary>
    public long? StallAfter { get; init; }

    /// <summary>Bytes sent at full speed before the body trickles, and the trickle interval.</summary>
    public (long AfterBytes, TimeSpan Interval)? Trickle { get; init; }

    /// <summary>Bytes added to the body.</summary>
    public long ExtraBytes { get; init; }

    /// <summary>Bytes left out of the body.</summary>
    public long MissingBytes { get; init; }

    /// <summary>Offset of a byte inverted in the body, or null.</summary>
    public long? CorruptAt { get; init; }

    /// <summary>Combines the faults of one request: delays and byte counts add up, the earliest abort or stall wins.</summary>
    public static RequestFaults From(IEnumerable<DeviceFault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var result = new RequestFaults();
        foreach (var fault in faults)
        {
            result = fault.Kind switch
            {
                FaultKind.Abort => result with { AbortAfter = Min(result.AbortAfter, fault.Bytes) },
                FaultKind.Stall => result with { StallAfter = Min(result.StallAfter, fault.Bytes) },
                FaultKind.Trickle => result with { Trickle = (fault.Bytes, fault.Interval) },
                FaultKind.HttpError => result with { StatusCode = fault.StatusCode },
                FaultKind.MalformedJson => result with { MalformedJson = true },
                FaultKind.OversizedJson => result with { OversizedJsonBytes = Math.Max(result.OversizedJsonBytes ?? 0, fault.Bytes) },
                FaultKind.WrongIdentifier => result with { HasWrongIdentifier = true, WrongIdentifier = fault.Identifier },
                FaultKind.Delay => result with { Delay = result.Delay + fault.Interval },
                FaultKind.ExtraBytes => result with { ExtraBytes = result.ExtraBytes + fault.Bytes },
                FaultKind.MissingBytes => result with { MissingBytes = result.MissingBytes + fault.Bytes },
                FaultKind.HostileTrackPaths => result with { HostilePaths = [.. result.HostilePaths, .. fault.Paths] },
                FaultKind.CorruptByte => result with { CorruptAt = fault.Bytes },
                FaultKind.RawLogEntries => result with { RawLogEntries = [.. result.RawLogEntries, .. fault.RawEntries] },
                FaultKind.RawDocument => result with { RawDocument = fault.RawText },
                FaultKind.NoContentLength => result with { NoContentLength = true },
                _ => result,
            };
        }

        return result;
    }

    private static long Min(long? current, long value) => current is { } c ? Math.Min(c, value) : value;
}
