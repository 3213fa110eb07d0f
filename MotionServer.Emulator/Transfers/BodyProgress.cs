namespace MotionServer.Emulator.Transfers;

/// <summary>Progress of one response body, raised after every chunk and once at the end.</summary>
/// <param name="DeviceId">The device sending.</param>
/// <param name="Path">The request path.</param>
/// <param name="BytesSent">Body bytes written so far.</param>
/// <param name="TotalBytes">The body's length (its Content-Length).</param>
/// <param name="Elapsed">Time since the first byte was due.</param>
/// <param name="Outcome">In progress, or how it ended.</param>
internal sealed record BodyProgress(int DeviceId, string Path, long BytesSent, long TotalBytes, TimeSpan Elapsed, TransferOutcome Outcome);
