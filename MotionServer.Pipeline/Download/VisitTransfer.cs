using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Download;

/// <summary>
/// The rate and the bytes owed over every track of one visit, so the rate carries from one track to the next.
/// </summary>
internal sealed class VisitTransfer(TimeProvider time, long owed)
{
    private TransferRateMeter _meter = new(time);
    private long _received;
    private long _owed = owed;

    /// <summary>Paused for disk space: time spent waiting is not the device's pace; measure afresh.</summary>
    public void Restart()
    {
        _meter = new TransferRateMeter(time);
        _received = 0;
    }

    /// <summary>The counter of the next track's transfer.</summary>
    public TransferCounter Start() => new(_meter, _received, _owed);

    /// <summary>A track is done, or failed: what really came counts, also part-way; it is not asked for again this visit.</summary>
    public void Ended(TransferCounter counter, long size)
    {
        _received += counter.LastReceived;
        _owed -= size;
    }
}

/// <summary>The rate and bytes owed of one track's transfer, within the device's visit.</summary>
internal sealed class TransferCounter(TransferRateMeter meter, long receivedBefore, long owedBefore)
{
    /// <summary>Bytes of this track received so far.</summary>
    public long LastReceived { get; private set; }

    public TransferProgress Progress(string fileName, long received, long size)
    {
        LastReceived = received;
        return new(fileName, received, size)
        {
            BytesPerSecond = meter.Observe(receivedBefore + received),
            BytesOwed = owedBefore - received,
        };
    }
}
