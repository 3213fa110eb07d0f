using MotionServer.Emulator.Transfers;

namespace MotionServer.Emulator.Devices;

/// <summary>One request a device answered.</summary>
/// <param name="At">When the answer ended.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The decoded path.</param>
/// <param name="RawTarget">The request target exactly as sent.</param>
/// <param name="StatusCode">The status answered.</param>
/// <param name="BytesSent">Body bytes written.</param>
/// <param name="Outcome">How the body ended.</param>
internal sealed record ServedRequest(DateTimeOffset At, string Method, string Path, string RawTarget, int StatusCode, long BytesSent, TransferOutcome Outcome);
