using System.Net;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Disconnection;
using MotionServer.Pipeline.State;
using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.Devices;

namespace MotionServer.Pipeline.Stages;

/// <summary>
/// What a failure does to a device: status failed, address discarded (detection will look for it again),
/// paced by an exponential backoff with jitter, and — after Download:AttemptsBeforeAttention consecutive
/// failures — flagged to the staff as needing attention, once.
/// </summary>
internal sealed partial class FailurePolicy(FleetState fleet, MotionServerOptions options, ILogger logger, IConnectProbe? probe = null)
{
    private readonly IConnectProbe _probe = probe ?? new TcpConnectProbe();

    private readonly Random _jitter = new();
    private readonly Lock _jitterGate = new();

    /// <param name="work">The device.</param>
    /// <param name="reason">Why the step failed (already escaped).</param>
    /// <param name="attention">The words for the attention line, given the attempt count, e.g. "1 track(s) failed".</param>
    public DeviceFailed Fail(DeviceWork work, string reason, Func<int, string> attention)
    {
        // One worker holds a device at a time, so its count cannot move under us: the line is logged before the
        // status change it reports (whoever sees the flag finds the line), and once, when the count crosses.
        int threshold = options.Download.AttemptsBeforeAttention;
        int attempts = fleet.FailedAttemptsOf(work.DeviceId) + 1;
        if (attempts == threshold)
        {
            NeedsAttention(logger, work.Hostname, $"{attention(attempts)}: {reason}");
        }

        fleet.MarkFailed(work.DeviceId, reason, Backoff, n => n >= threshold ? $"{attention(n)}: {reason}" : null);

        return new DeviceFailed(work, reason);
    }

    /// <summary>
    /// The words for a device that stopped answering: it is <c>failed</c> only if it is still there (a TCP connect within
    /// Detection:ConnectTimeout succeeds) — present, yet not answering as it should. Otherwise it has left.
    /// </summary>
    public async Task<bool> IsStillThereAsync(IPAddress address, CancellationToken cancellationToken)
    {
        try
        {
            return await _probe.CanConnectAsync(address, options.Network.Port, options.Detection.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// The device left during <paramref name="step"/>: <c>disconnected</c>, not failed — no attempt is counted towards
    /// "needs attention" (a healthy device passing within WiFi range would be flagged). Detection finds it when it returns.
    /// </summary>
    public DeviceNotFound Left(DeviceWork work, string step, string reason)
    {
        LeftDuring(logger, work.Hostname, step, reason);
        DisconnectionStage.LogDisconnected(logger, work.Hostname); // the line first, then the status it reports
        fleet.MarkDisconnected(work.DeviceId);
        return new DeviceNotFound(work);
    }

    /// <summary>The pause before attempt <paramref name="attempts"/> + 1: doubling from Retry:InitialDelay to Retry:MaxDelay, ±20 % jitter so a crowd of failing devices does not retry in step.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var retry = options.Retry;
        double seconds = retry.InitialDelay.TotalSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        seconds = Math.Min(seconds, retry.MaxDelay.TotalSeconds);
        double factor;
        lock (_jitterGate)
        {
            factor = 0.8 + (_jitter.NextDouble() * 0.4);
        }

        return TimeSpan.FromSeconds(Math.Min(seconds * factor, retry.MaxDelay.TotalSeconds));
    }

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "{Hostname} left during {Step} - {Reason}")]
    private static partial void LeftDuring(ILogger logger, string hostname, string step, string reason);

    [LoggerMessage(EventId = 500, Level = LogLevel.Error, Message = "{Hostname} needs attention - {Summary}")]
    private static partial void NeedsAttention(ILogger logger, string hostname, string summary);
}
