namespace MotionServer.Pipeline.Download;

/// <summary>Tells how much space is free for a folder (a seam: tests fill a disk without filling one).</summary>
/// <remarks>
/// Internal on purpose, not an extension point: the free space of the event folder's disk is the operating system's
/// answer, and <c>Limits:MinFreeDiskBytes</c> is how an embedder changes what the server does with it.
/// </remarks>
internal interface IFreeSpaceProbe
{
    /// <summary>Bytes available to this user on the disk that holds <paramref name="folder"/>, or null when unknown.</summary>
    long? AvailableBytes(string folder);
}
