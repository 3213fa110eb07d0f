namespace MotionServer.Pipeline.State;

/// <summary>
/// Measures one device's transfer rate, smoothed: a sample at most once a second, blended into an exponential
/// moving average with a time constant of a few seconds, so the estimate follows a real change of pace within
/// seconds but does not jump with every read. Unknown (null) until the first full sample. Time comes from the
/// injected <see cref="TimeProvider"/>. One download worker uses it; not thread-safe.
/// </summary>
internal sealed class TransferRateMeter(TimeProvider time)
{
    /// <summary>Shortest time between two samples.</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    /// <summary>Time constant of the moving average: older samples weigh 1/e less after this long.</summary>
    public static readonly TimeSpan Smoothing = TimeSpan.FromSeconds(5);

    private long _sampleStart = time.GetTimestamp();
    private long _sampleBytes;

    /// <summary>The smoothed rate in bytes per second, or null while unknown.</summary>
    public double? BytesPerSecond { get; private set; }

    /// <summary>Records the bytes received so far (a running total, never decreasing); returns the smoothed rate.</summary>
    public double? Observe(long totalBytes)
    {
        var elapsed = time.GetElapsedTime(_sampleStart);
        if (elapsed < SampleInterval)
        {
            return BytesPerSecond;
        }

        double sample = Math.Max(0, totalBytes - _sampleBytes) / elapsed.TotalSeconds;
        double weight = 1 - Math.Exp(-elapsed.TotalSeconds / Smoothing.TotalSeconds);
        BytesPerSecond = BytesPerSecond is { } rate ? rate + (weight * (sample - rate)) : sample;
        _sampleStart = time.GetTimestamp();
        _sampleBytes = totalBytes;
        return BytesPerSecond;
    }

    /// <summary>Time to receive <paramref name="bytesOwed"/> at <paramref name="bytesPerSecond"/>, or null when the rate is unknown or zero.</summary>
    public static TimeSpan? Remaining(long bytesOwed, double? bytesPerSecond) =>
        bytesPerSecond is > 0 and var rate ? TimeSpan.FromSeconds(Math.Max(0, bytesOwed) / rate) : null;
}
