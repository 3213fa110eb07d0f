namespace MotionServer.Pipeline.State;

/// <summary>The track a device is sending now.</summary>
/// <param name="FileName">Its local file name.</param>
/// <param name="BytesReceived">Bytes received so far.</param>
/// <param name="Size">Bytes announced by the device.</param>
public sealed record TransferProgress(string FileName, long BytesReceived, long Size)
{
    /// <summary>Progress from 0 to 1.</summary>
    public double Fraction => Size <= 0 ? 1 : Math.Clamp((double)BytesReceived / Size, 0, 1);
}
