namespace MotionServer.Emulator.Devices;

/// <summary>What a request path names on a device.</summary>
internal enum RouteKind
{
    /// <summary>Nothing: 404.</summary>
    Unknown,

    /// <summary>One of the JSON documents.</summary>
    Json,

    /// <summary>A track listed in logs.json.</summary>
    Track,
}
