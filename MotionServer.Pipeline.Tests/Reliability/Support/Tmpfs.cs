using System.Diagnostics;

namespace MotionServer.Pipeline.Tests.Reliability.Support;

/// <summary>
/// A small real file system (tmpfs) mounted by the test over a folder, to fill it or make it read-only while the server
/// runs. Needs root (tests that use it are <see cref="RootFactAttribute"/>); unmounted on dispose, so nothing is left.
/// </summary>
internal sealed class Tmpfs : IDisposable
{
    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    public static bool CanMount => OperatingSystem.IsLinux() && Environment.UserName == "root" && File.Exists("/bin/mount");

    public static Tmpfs Mount(string path, long bytes)
    {
        Directory.CreateDirectory(path);
        Run("/bin/mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", path);
        return new Tmpfs(path);
    }

    /// <summary>Fills the file system until fewer than <paramref name="leftBytes"/> remain; returns the filler to delete.</summary>
    public string Fill(long leftBytes)
    {
        // The server writes too (dashboards, documents): fill to the brim, then give back what is to be left.
        string filler = System.IO.Path.Combine(Path, ".filler");
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        var chunk = new byte[16 * 1024];
        try
        {
            while (true)
            {
                stream.Write(chunk);
            }
        }
        catch (IOException)
        {
            // full
        }

        stream.SetLength(Math.Max(0, stream.Length - leftBytes));
        return filler;
    }

    public void ReadOnly(bool readOnly) => Run("/bin/mount", "-o", readOnly ? "remount,ro" : "remount,rw", Path);

    public void Dispose() => Run("/bin/umount", "-l", Path);

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }
    }
}

/// <summary>A test that needs root to mount a tmpfs; skipped, saying so, elsewhere.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Tmpfs.CanMount)
        {
            Skip = "needs Linux and root to mount a small tmpfs (full disk, read-only folder); run the tests as root to prove these";
        }
    }
}
