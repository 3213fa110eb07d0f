namespace MotionServer.Emulator.Transfers;

/// <summary>
/// One device's link: transfers running at the same time share <see cref="BytesPerSecond"/>. Each chunk books
/// the link for its own transmission time; an idle link earns no burst credit.
/// </summary>
internal sealed class BandwidthLimiter(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private long _bytesPerSecond;
    private long _freeAt;

    /// <summary>Bytes per second; 0 or less: unlimited. Can change while transfers run.</summary>
    public long BytesPerSecond
    {
        get => Volatile.Read(ref _bytesPerSecond);
        set => Volatile.Write(ref _bytesPerSecond, value);
    }

    /// <summary>A chunk size that keeps the pacing smooth (about 20 writes a second).</summary>
    public int ChunkSize
    {
        get
        {
            long rate = BytesPerSecond;
            return rate <= 0 ? 64 * 1024 : (int)Math.Clamp(rate / 20, 256, 64 * 1024);
        }
    }

    /// <summary>Waits until the link may carry <paramref name="bytes"/> more bytes.</summary>
    public async Task WaitAsync(int bytes, CancellationToken cancellationToken)
    {
        long rate = BytesPerSecond;
        if (rate <= 0 || bytes <= 0)
        {
            return;
        }

        long now = timeProvider.GetTimestamp();
        long start;
        lock (_gate)
        {
            start = Math.Max(now, _freeAt);
            _freeAt = start + (long)((double)bytes / rate * timeProvider.TimestampFrequency);
        }

        var wait = timeProvider.GetElapsedTime(now, start);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
