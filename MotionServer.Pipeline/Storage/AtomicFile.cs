using System.Buffers;

namespace MotionServer.Pipeline.Storage;

/// <summary>
/// Replaces files so that a reader (a browser, a copy, a crash) only ever sees the old or the new
/// content, never half of it: write a temporary file beside the target, flush it to disk, rename it over the target,
/// then flush the directory (Linux) so the rename itself survives a power cut.
/// <para>
/// A file made again from what the server holds anyway (<see cref="FileDurability.Derived"/>: the dashboards, rewritten
/// every tick; the day's results, rebuilt from the ledgers at every start) is still replaced by a rename, so a reader
/// never sees half of it, but neither it nor its folder is flushed: a power cut may lose the last version, which the
/// server writes again, and a file replaced every few seconds then reaches the disk once per write-back, not at every
/// write (issue 19: status.json alone was some 80 GB an event week). Ledgers, history and metadata stay durable.
/// </para>
/// </summary>
internal static class AtomicFile
{
    private const int ReplaceAttempts = 10;
    private const int CompareChunk = 64 * 1024;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically, flushed to disk.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content) => WriteAllBytes(path, content, FileDurability.Durable);

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically; flushed to disk when <see cref="FileDurability.Durable"/>.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content, FileDurability durability)
    {
        string temporary = TemporaryPathFor(path);
        bool durable = durability == FileDurability.Durable;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: durable);
            }

            Replace(temporary, path, durable);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e.Message.Contains(temporary, StringComparison.Ordinal))
        {
            TryDelete(temporary);
            throw NamingTheTarget(e, temporary, path);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="content"/> as <see cref="WriteAllBytes(string, ReadOnlySpan{byte}, FileDurability)"/>
    /// does, unless it already holds exactly those bytes: then nothing is written, renamed or flushed. A file rewritten
    /// with what it holds (a device's settings.json at every visit, the day's results when a track changed nothing)
    /// cost a flush of the file and of its folder each time, the largest part of what a visit cost the disk.
    /// </summary>
    /// <returns>True when the file was written.</returns>
    public static bool WriteIfChanged(string path, ReadOnlySpan<byte> content, FileDurability durability)
    {
        try
        {
            if (File.Exists(path) && new FileInfo(path).Length == content.Length && Holds(path, content))
            {
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable now: written anew below (the write says so if the disk refuses).
        }

        WriteAllBytes(path, content, durability);
        return true;
    }

    /// <summary>True when the file at <paramref name="path"/> holds exactly <paramref name="content"/>, read a chunk at a time.</summary>
    private static bool Holds(string path, ReadOnlySpan<byte> content)
    {
        byte[] chunk = ArrayPool<byte>.Shared.Rent(Math.Min(CompareChunk, Math.Max(content.Length, 1)));
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            int compared = 0;
            while (true)
            {
                int read = file.Read(chunk, 0, chunk.Length);
                if (read == 0)
                {
                    return compared == content.Length;
                }

                if (compared + read > content.Length || !chunk.AsSpan(0, read).SequenceEqual(content.Slice(compared, read)))
                {
                    return false;
                }

                compared += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>
    /// The same failure, naming the file being replaced instead of its temporary name: the temporary name is new at
    /// every write, and a message that differs each time is said again each time (an unwritable dashboards folder
    /// logged an ERROR every 5 s, and every message was remembered).
    /// </summary>
    private static Exception NamingTheTarget(Exception e, string temporary, string path)
    {
        string message = e.Message.Replace(temporary, path, StringComparison.Ordinal);
        return e is UnauthorizedAccessException ? new UnauthorizedAccessException(message, e) : new IOException(message, e);
    }

    /// <summary>Writes UTF-8 text to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string content) =>
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>
    /// Renames <paramref name="source"/> over <paramref name="destination"/>. On Windows a file that a browser
    /// or an antivirus has open can refuse the rename for a moment; that is retried briefly, and the old file
    /// is never partly overwritten either way.
    /// </summary>
    public static void Replace(string source, string destination) => Replace(source, destination, flushFolder: true);

    private static void Replace(string source, string destination, bool flushFolder)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                File.Move(source, destination, overwrite: true);
                if (flushFolder)
                {
                    _ = DirectorySync.Flush(Path.GetDirectoryName(Path.GetFullPath(destination)) ?? ".");
                }

                return;
            }
            catch (Exception e) when (attempt < ReplaceAttempts && e is IOException or UnauthorizedAccessException && OperatingSystem.IsWindows())
            {
                Thread.Sleep(20 * attempt);
            }
        }
    }

    /// <summary>A hidden temporary name in the same folder (so the rename stays on one file system).</summary>
    public static string TemporaryPathFor(string path)
    {
        string directory = Path.GetDirectoryName(path) ?? ".";
        return Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{EventFolder.TemporarySuffix}");
    }

    /// <summary>Deletes a file, ignoring a file that is already gone or cannot be deleted now.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Whether a file replaced by <see cref="AtomicFile"/> must survive a power cut.</summary>
internal enum FileDurability
{
    /// <summary>Flushed to disk, and its folder too (Linux): the file and its rename survive a power cut.</summary>
    Durable,

    /// <summary>Made again by the server from what it holds (dashboards, the day's results): not flushed.</summary>
    Derived,
}
