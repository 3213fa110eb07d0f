namespace MotionServer.Pipeline.State;

/// <summary>The track a device is sending now.</summary>
/// <param name="FileName">Its local file name.</param>
/// <param name="BytesReceived">Bytes received so far.</param>
/// <param name="Size">Bytes announced by the device.</param>
public sealed record TransferProgress(string FileName, long BytesReceived, long Size)
{
    /// <summary>Progress from 0 to 1.</summary>
    public double Fraction => Size <= 0 ? 1 : Math.Clamp((double)BytesReceived / Size, 0, 1);

    /// <summary>The device's measured transfer rate (smoothed), bytes per second, or null while unknown.</summary>
    public double? BytesPerSecond { get; init; }

    /// <summary>Bytes the device still owes in this visit: the rest of this track and every track queued after it.</summary>
    public long BytesOwed { get; init; }

    /// <summary>Estimated time until the device has sent every track it owes, or null while the rate is unknown.</summary>
    public TimeSpan? Remaining => TransferRateMeter.Remaining(BytesOwed, BytesPerSecond);
}
