using MotionServer.Pipeline.Configuration;

namespace MotionServer.Pipeline.Stages;

/// <summary>
/// How a failed device is paced and when it is flagged. Each failure doubles its pause before the next attempt, from
/// Retry:InitialDelay up to Retry:MaxDelay, with ±20 % jitter so a crowd of failing devices does not retry in step;
/// the Retry:AttemptsBeforeAttention-th consecutive failure flags it to the staff as needing attention, once.
/// </summary>
internal sealed class FailurePolicy(MotionServerOptions options)
{
    private readonly Random _jitter = new();
    private readonly Lock _jitterGate = new();

    /// <summary>True for the one attempt count that calls for the staff's attention (said once, when the count crosses).</summary>
    public bool CallsForAttention(int attempts) => attempts == options.Retry.AttemptsBeforeAttention;

    /// <summary>True once a device has failed often enough to be flagged.</summary>
    public bool NeedsAttention(int attempts) => attempts >= options.Retry.AttemptsBeforeAttention;

    /// <summary>The pause before attempt <paramref name="attempts"/> + 1.</summary>
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
}
