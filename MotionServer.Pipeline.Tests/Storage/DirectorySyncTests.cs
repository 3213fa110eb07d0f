using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Storage;

/// <summary>Issue 9: after a rename the directory is flushed on Linux, so the rename survives a power cut.</summary>
public class DirectorySyncTests
{
    [Fact]
    public void Flush_ARealDirectoryOnLinux_IsFlushed()
    {
        using var temp = new TemporaryFolder();

        DirectorySync.Flush(temp.Path).Should().Be(OperatingSystem.IsLinux(), "fsync(2) on the directory succeeds on Linux");
        DirectorySync.Flush(Path.Combine(temp.Path, "missing")).Should().BeFalse("a directory that is not there is not an error");
    }

    [StraceFact]
    public void WriteAllBytes_FlushesTheTargetsDirectoryAfterTheRename()
    {
        using var temp = new TemporaryFolder();
        string path = Path.Combine(temp.Path, "status.json");

        var lines = TraceOurRename(temp.Path, path, () => AtomicFile.WriteAllText(path, "{}"));

        int rename = Array.FindIndex(lines, l => IsRenameOf(l, path));
        int openDirectory = Array.FindIndex(lines, rename, l => l.Contains("openat", StringComparison.Ordinal) && l.Contains($"\"{temp.Path}\"", StringComparison.Ordinal) && l.Contains("O_DIRECTORY", StringComparison.Ordinal));
        openDirectory.Should().BeGreaterThan(rename, "the directory is opened after the rename");
        string fd = lines[openDirectory].Split('=')[^1].Trim();
        lines.Skip(openDirectory).Should().Contain(l => l.StartsWith($"fsync({fd})", StringComparison.Ordinal), "and fsynced");
    }

    [StraceFact]
    public void WriteAllBytes_ADerivedFile_IsRenamedIntoPlace_WithNoFsyncAtAll()
    {
        using var temp = new TemporaryFolder();
        string path = Path.Combine(temp.Path, "index.html");

        var lines = TraceOurRename(temp.Path, path, () => AtomicFile.WriteAllBytes(path, "<html>"u8, FileDurability.Derived));

        lines.Should().Contain(l => IsRenameOf(l, path), "a reader still never sees half of the page");
        lines.Should().NotContain(l => l.StartsWith("fsync(", StringComparison.Ordinal) || l.StartsWith("fdatasync(", StringComparison.Ordinal),
            "a page made again every tick is not flushed to disk");
        File.ReadAllText(path).Should().Be("<html>");
    }

    private static bool IsRenameOf(string line, string path) =>
        line.Contains("rename", StringComparison.Ordinal) && line.Contains($"\"{path}\"", StringComparison.Ordinal);

    /// <summary>
    /// Runs <paramref name="write"/> traced by strace and returns the system calls of the thread that renamed over
    /// <paramref name="path"/>. One file per thread (-ff): other tests run beside this one, and their calls must neither
    /// interleave with ours nor split ours in two.
    /// </summary>
    private static string[] TraceOurRename(string folder, string path, Action write)
    {
        var trace = Path.Combine(folder, "trace");
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/strace",
            ["-ff", "-e", "trace=rename,renameat,renameat2,fsync,fdatasync,openat", "-o", trace, "-p", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
        })!;
        try
        {
            // strace says "attached" on stderr once it follows us.
            while (process.StandardError.ReadLine() is { } line && !line.Contains("attached", StringComparison.Ordinal))
            {
            }

            write();
        }
        finally
        {
            // SIGTERM, not Kill's SIGKILL: strace detaches and writes out what it holds.
            using (var stop = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                stop.WaitForExit();
            }

            process.WaitForExit();
        }

        return Directory.GetFiles(folder, "trace.*").Select(File.ReadAllLines).Single(thread => thread.Any(l => IsRenameOf(l, path)));
    }
}

/// <summary>A test that traces system calls with strace: skipped, saying why, where strace is not installed (CI installs it).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class StraceFactAttribute : FactAttribute
{
    public StraceFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/strace"))
        {
            Skip = "needs Linux and /usr/bin/strace to trace the rename and the directory fsync (apt-get install strace)";
        }
    }
}
