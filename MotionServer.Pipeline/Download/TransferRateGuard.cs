namespace MotionServer.Pipeline.Download;

/// <summary>
/// Notices a transfer that trickles: over each window of <c>window</c> it must move at least
/// <c>minBytesPerSecond</c> on average. The between-bytes timeout alone would let a device that sends a byte
/// every few seconds hold a download worker for hours (four such devices would stop every download).
/// </summary>
internal sealed class TransferRateGuard(TimeProvider time, TimeSpan window, int minBytesPerSecond)
{
    private long _windowStart = time.GetTimestamp();
    private long _windowBytes;

    /// <summary>Records bytes received; returns the measured rate when the transfer is too slow, otherwise null.</summary>
    public double? Observe(long totalBytes)
    {
        if (minBytesPerSecond <= 0)
        {
            return null;
        }

        var elapsed = time.GetElapsedTime(_windowStart);
        if (elapsed < window)
        {
            return null;
        }

        double rate = (totalBytes - _windowBytes) / elapsed.TotalSeconds;
        if (rate < minBytesPerSecond)
        {
            return rate;
        }

        _windowStart = time.GetTimestamp();
        _windowBytes = totalBytes;
        return null;
    }
}
