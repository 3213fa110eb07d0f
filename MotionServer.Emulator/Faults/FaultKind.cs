namespace MotionServer.Emulator.Faults;

/// <summary>What a <see cref="DeviceFault"/> does to the requests it matches.</summary>
internal enum FaultKind
{
    /// <summary>Drops the connection after <see cref="DeviceFault.Bytes"/> bytes of the body. Default scope: tracks.</summary>
    Abort,

    /// <summary>Stops sending after <see cref="DeviceFault.Bytes"/> bytes and hangs until the client gives up. Default scope: tracks.</summary>
    Stall,

    /// <summary>After <see cref="DeviceFault.Bytes"/> bytes, sends one byte every <see cref="DeviceFault.Interval"/>. Default scope: tracks.</summary>
    Trickle,

    /// <summary>Answers <see cref="DeviceFault.StatusCode"/> (500) instead. Default scope: every path.</summary>
    HttpError,

    /// <summary>Sends a JSON document cut short (not parseable). Default scope: the three JSON documents.</summary>
    MalformedJson,

    /// <summary>Sends a valid JSON document longer than <see cref="DeviceFault.Bytes"/> bytes. Default scope: the JSON documents.</summary>
    OversizedJson,

    /// <summary>info.json names <see cref="DeviceFault.Identifier"/> (default: id + 1). Scope: info.json.</summary>
    WrongIdentifier,

    /// <summary>Waits <see cref="DeviceFault.Interval"/> before answering. Default scope: every path.</summary>
    Delay,

    /// <summary>The body carries <see cref="DeviceFault.Bytes"/> more bytes than logs.json announced. Default scope: tracks.</summary>
    ExtraBytes,

    /// <summary>The body lacks its last <see cref="DeviceFault.Bytes"/> bytes (honest Content-Length). Default scope: tracks.</summary>
    MissingBytes,

    /// <summary>logs.json also lists <see cref="DeviceFault.Paths"/> (hostile device paths). Scope: logs.json.</summary>
    HostileTrackPaths,

    /// <summary>The body arrives with the byte at offset <see cref="DeviceFault.Bytes"/> inverted (damaged in transit; the log on the device is intact). Default scope: tracks.</summary>
    CorruptByte,

    /// <summary>logs.json also lists <see cref="DeviceFault.RawEntries"/>, written verbatim (hostile values). Scope: logs.json.</summary>
    RawLogEntries,

    /// <summary>The JSON document at <see cref="DeviceFault.Path"/> is <see cref="DeviceFault.RawDocument"/>, verbatim.</summary>
    RawDocument,

    /// <summary>The body is sent without a Content-Length (chunked), as some firmware does. Default scope: every path.</summary>
    NoContentLength,
}
