using System.Net;

namespace MotionServer.Pipeline.Stages;

/// <summary>
/// What a stage made of a device. Stages never throw: every result, failures included, is an outcome that
/// the graph routes by type (an exception would fault a block and stop the whole fleet).
/// </summary>
internal abstract record StageOutcome(DeviceWork Work);

/// <summary>Found and reachable: on to inspection.</summary>
internal sealed record DeviceDetected(DeviceWork Work, IPAddress Address) : StageOutcome(Work);

/// <summary>Not on the network now; the next sweep looks again.</summary>
internal sealed record DeviceNotFound(DeviceWork Work) : StageOutcome(Work);

/// <summary>Metadata read, tracks to fetch: on to download.</summary>
internal sealed record DownloadsNeeded(DeviceWork Work, DownloadPlan Plan) : StageOutcome(Work);

/// <summary>Nothing more to do for now (completed, or a presence probe answered).</summary>
internal sealed record DeviceDone(DeviceWork Work) : StageOutcome(Work);

/// <summary>A step failed; the device is paced, then detected again.</summary>
internal sealed record DeviceFailed(DeviceWork Work, string Reason) : StageOutcome(Work);

/// <summary>The server is stopping; the work was left, cleanly.</summary>
internal sealed record DeviceAbandoned(DeviceWork Work) : StageOutcome(Work);
