namespace MotionServer.Pipeline.Download;

/// <summary>Tells how much space is free for a folder (a seam: tests fill a disk without filling one).</summary>
internal interface IFreeSpaceProbe
{
    /// <summary>Bytes available to this user on the disk that holds <paramref name="folder"/>, or null when unknown.</summary>
    long? AvailableBytes(string folder);
}
