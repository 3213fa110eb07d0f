namespace MotionServer.Pipeline.Storage;

/// <summary>Keeps the last info.json, settings.json and logs.json of each device in <c>motions/motion-&lt;id&gt;/</c>.</summary>
internal sealed class MetadataCache(EventFolder folder)
{
    /// <summary>
    /// Saves a document exactly as the device sent it (it parsed, so it is JSON), atomically and flushed to disk, unless
    /// the copy kept already holds those bytes (settings.json at almost every visit).
    /// </summary>
    public void Save(string hostname, string documentName, byte[] content)
    {
        string directory = folder.DeviceDirectory(hostname);
        Directory.CreateDirectory(directory);
        AtomicFile.WriteIfChanged(Path.Combine(directory, documentName), content, FileDurability.Durable);
    }
}
