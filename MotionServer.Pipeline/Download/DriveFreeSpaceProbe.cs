namespace MotionServer.Pipeline.Download;

/// <summary>Free space from the operating system (<see cref="DriveInfo"/>: statvfs on Linux, the volume on Windows).</summary>
internal sealed class DriveFreeSpaceProbe : IFreeSpaceProbe
{
    public long? AvailableBytes(string folder)
    {
        try
        {
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null; // unknown: downloads go on; a full disk still fails a track cleanly, never half-written
        }
    }
}
