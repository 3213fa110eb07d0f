using MotionServer.Emulator.Devices;

namespace MotionServer.Emulator.Faults;

/// <summary>
/// A misbehaviour switched on at run time on one device. Several can be active at once and combine.
/// A fault applies to the requests its <see cref="Path"/> (or its kind's default scope) matches; it is persistent,
/// or one-shot for the next <see cref="Times"/> matching requests. Build with the static factories, then refine
/// with <see cref="On"/>, <see cref="Once"/> and <see cref="ForNext"/>.
/// </summary>
internal sealed record DeviceFault
{
    private DeviceFault(FaultKind kind) => Kind = kind;

    /// <summary>What the fault does.</summary>
    public FaultKind Kind { get; }

    /// <summary>The one request path the fault applies to (e.g. <c>/info.json</c>); null: the kind's default scope.</summary>
    public string? Path { get; init; }

    /// <summary>How many matching requests it still applies to; null: every one (persistent).</summary>
    public int? Times { get; init; }

    /// <summary>A byte count: sent before an abort, stall or trickle; the size to exceed; the bytes added or left out.</summary>
    public long Bytes { get; init; }

    /// <summary>The trickle interval or the response delay.</summary>
    public TimeSpan Interval { get; init; }

    /// <summary>Status code of <see cref="FaultKind.HttpError"/>.</summary>
    public int StatusCode { get; init; } = 500;

    /// <summary>Identifier sent by <see cref="FaultKind.WrongIdentifier"/>; null: the device's id + 1.</summary>
    public int? Identifier { get; init; }

    /// <summary>Paths listed by <see cref="FaultKind.HostileTrackPaths"/>.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Drops the connection after <paramref name="bytes"/> bytes of a track body.</summary>
    public static DeviceFault AbortAfter(long bytes) => new(FaultKind.Abort) { Bytes = NotNegative(bytes) };

    /// <summary>Sends <paramref name="bytes"/> bytes of a track body, then hangs until the client gives up or the device leaves.</summary>
    public static DeviceFault StallAfter(long bytes) => new(FaultKind.Stall) { Bytes = NotNegative(bytes) };

    /// <summary>Sends a track body one byte every <paramref name="interval"/> (default 2 s), after <paramref name="afterBytes"/> bytes at full speed.</summary>
    public static DeviceFault Trickle(TimeSpan? interval = null, long afterBytes = 0) =>
        new(FaultKind.Trickle) { Interval = interval ?? TimeSpan.FromSeconds(2), Bytes = NotNegative(afterBytes) };

    /// <summary>Answers <paramref name="statusCode"/> on <paramref name="path"/> (null: every path).</summary>
    public static DeviceFault HttpError(string? path = null, int statusCode = 500) =>
        new(FaultKind.HttpError) { Path = path, StatusCode = statusCode };

    /// <summary>Sends a truncated, unparseable JSON document on <paramref name="path"/> (null: every JSON document).</summary>
    public static DeviceFault MalformedJson(string? path = null) => new(FaultKind.MalformedJson) { Path = path };

    /// <summary>Sends valid JSON longer than <paramref name="bytes"/> bytes on <paramref name="path"/> (null: every JSON document).</summary>
    public static DeviceFault OversizedJson(long bytes, string? path = null) =>
        new(FaultKind.OversizedJson) { Bytes = NotNegative(bytes), Path = path };

    /// <summary>info.json names <paramref name="identifier"/> (null: the device's id + 1).</summary>
    public static DeviceFault WrongIdentifier(int? identifier = null) =>
        new(FaultKind.WrongIdentifier) { Identifier = identifier, Path = DeviceRoutes.Info };

    /// <summary>Waits <paramref name="delay"/> before answering <paramref name="path"/> (null: every path).</summary>
    public static DeviceFault Delay(TimeSpan delay, string? path = null) =>
        new(FaultKind.Delay) { Interval = delay >= TimeSpan.Zero ? delay : throw new ArgumentOutOfRangeException(nameof(delay)), Path = path };

    /// <summary>Track bodies carry <paramref name="bytes"/> more bytes than logs.json announced.</summary>
    public static DeviceFault ExtraBytes(long bytes) => new(FaultKind.ExtraBytes) { Bytes = NotNegative(bytes) };

    /// <summary>Track bodies lack their last <paramref name="bytes"/> bytes (Content-Length matches the short body).</summary>
    public static DeviceFault MissingBytes(long bytes) => new(FaultKind.MissingBytes) { Bytes = NotNegative(bytes) };

    /// <summary>The body arrives with the byte at <paramref name="offset"/> inverted (the log on the device stays intact).</summary>
    public static DeviceFault CorruptByte(long offset) => new(FaultKind.CorruptByte) { Bytes = NotNegative(offset) };

    /// <summary>logs.json also lists <paramref name="paths"/> (default: <see cref="Faults.HostilePaths.Default"/>).</summary>
    public static DeviceFault HostileTrackPaths(params IReadOnlyList<string> paths) =>
        new(FaultKind.HostileTrackPaths) { Paths = paths.Count > 0 ? paths : HostilePaths.Default, Path = DeviceRoutes.Logs };

    /// <summary>Raw JSON entries listed by <see cref="FaultKind.RawLogEntries"/>.</summary>
    public IReadOnlyList<string> RawEntries { get; init; } = [];

    /// <summary>The raw JSON text served by <see cref="FaultKind.RawDocument"/>.</summary>
    public string? RawText { get; init; }

    /// <summary>
    /// logs.json also lists <paramref name="entries"/>, each a JSON value written verbatim (not validated: a lone surrogate
    /// escape, 2^63, a string where a number belongs), after the device's own logs.
    /// </summary>
    public static DeviceFault RawLogEntries(params IReadOnlyList<string> entries) =>
        new(FaultKind.RawLogEntries) { RawEntries = entries, Path = DeviceRoutes.Logs };

    /// <summary>The JSON document at <paramref name="path"/> (e.g. <c>/info.json</c>) is <paramref name="json"/>, verbatim.</summary>
    public static DeviceFault RawDocument(string path, string json) =>
        new(FaultKind.RawDocument) { RawText = json, Path = path };

    /// <summary>Bodies are sent without a Content-Length header (chunked transfer encoding).</summary>
    public static DeviceFault NoContentLength(string? path = null) => new(FaultKind.NoContentLength) { Path = path };

    /// <summary>The same fault, on one path only.</summary>
    public DeviceFault On(string path) => this with { Path = path };

    /// <summary>The same fault, for the next matching request only.</summary>
    public DeviceFault Once() => ForNext(1);

    /// <summary>The same fault, for the next <paramref name="requests"/> matching requests.</summary>
    public DeviceFault ForNext(int requests) =>
        this with { Times = requests > 0 ? requests : throw new ArgumentOutOfRangeException(nameof(requests)) };

    /// <summary>True when the fault applies to a request for <paramref name="path"/>.</summary>
    public bool Matches(string path, RouteKind route) => Path is { } only
        ? string.Equals(only, path, StringComparison.Ordinal)
        : Kind switch
        {
            FaultKind.Abort or FaultKind.Stall or FaultKind.Trickle or FaultKind.ExtraBytes or FaultKind.MissingBytes or FaultKind.CorruptByte => route == RouteKind.Track,
            FaultKind.MalformedJson or FaultKind.OversizedJson => route == RouteKind.Json,
            _ => true,
        };

    private static long NotNegative(long value) => value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
}
