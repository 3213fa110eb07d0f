namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// Reads a whole OAO file (§10): frame by frame, the mode deciding each length. Header frames are kept, GNSS frames
/// decoded, other known frames skipped; the end marker stops the reading. Bad data becomes anomalies in the result;
/// only a <c>Reject</c> policy of <see cref="OaoReaderOptions"/> makes it throw <see cref="OaoFormatException"/>.
/// It keeps every frame and anomaly, for callers that need them all (the emulator's generator, tests); a pass whose
/// memory must not grow with the file uses <see cref="OaoFrameWalker"/> with a sink of its own, as verification does.
/// </summary>
internal static class OaoReader
{
    /// <summary>Reads a file already in memory.</summary>
    /// <param name="content">The whole file.</param>
    /// <param name="options">Policies for bad data; <see cref="OaoReaderOptions.Default"/> when null.</param>
    public static OaoReadResult Read(ReadOnlySpan<byte> content, OaoReaderOptions? options = null)
    {
        var frames = new OaoFrameCollector(content.Length / OaoFrame.GnssLength);
        var anomalies = OaoAnomalyLog.Unbounded();
        var walk = new OaoFrameWalker(options ?? OaoReaderOptions.Default, frames, anomalies).Walk(content);
        return ResultOf(walk, frames);
    }

    /// <summary>Reads a file already in memory.</summary>
    /// <param name="content">The whole file.</param>
    /// <param name="options">Policies for bad data; <see cref="OaoReaderOptions.Default"/> when null.</param>
    public static OaoReadResult Read(byte[] content, OaoReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Read(content.AsSpan(), options);
    }

    /// <summary>Reads a stream to its end through a fixed buffer (only the frames are kept, not the bytes).</summary>
    /// <param name="stream">The file's bytes from the current position.</param>
    /// <param name="options">Policies for bad data; <see cref="OaoReaderOptions.Default"/> when null.</param>
    public static OaoReadResult Read(Stream stream, OaoReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var frames = new OaoFrameCollector(InitialCapacity(stream) / OaoFrame.GnssLength);
        var walk = new OaoFrameWalker(options ?? OaoReaderOptions.Default, frames, OaoAnomalyLog.Unbounded()).Walk(stream);
        return ResultOf(walk, frames);
    }

    /// <summary>Reads a stream to its end asynchronously, then reads the file.</summary>
    /// <param name="stream">The file's bytes from the current position.</param>
    /// <param name="options">Policies for bad data; <see cref="OaoReaderOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the reading of the stream.</param>
    public static async Task<OaoReadResult> ReadAsync(
        Stream stream, OaoReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream(InitialCapacity(stream));
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
    }

    private static OaoReadResult ResultOf(OaoWalk walk, OaoFrameCollector frames) =>
        new(checked((int)walk.Length), frames.Headers, frames.Frames, walk.OtherFrameCount, walk.Anomalies.Kept);

    private static int InitialCapacity(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return 0;
        }

        long remaining = stream.Length - stream.Position;
        return remaining is > 0 and < int.MaxValue ? (int)remaining : 0;
    }
}
