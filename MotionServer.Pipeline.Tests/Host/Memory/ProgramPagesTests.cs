using System.Globalization;
using System.Runtime.InteropServices;
using MotionServer.Host.Memory;

namespace MotionServer.Pipeline.Tests.Host.Memory;

/// <summary>
/// The real advice, on a read-only private mapping of a file this test writes: its pages leave the process's resident
/// memory. (The test process's own code is mapped by the test runner's processes too, and the kernel pages out only
/// what one process alone maps: the published server's program file is such a mapping.)
/// </summary>
public sealed partial class ProgramPagesTests : IDisposable
{
    private const int PageSize = 4096;
    private const int Pages = 1024;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"program-pages-{Guid.NewGuid():N}.bin");

    [Fact]
    public void PageOut_TakesAReadOnlyFileMappingsPagesOutOfResidentMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            ProgramPages.PageOut().Should().Be(new ProgramPagesReport(0, 0, 0), "other systems are left as they are");
            return;
        }

        using (var file = new FileStream(_path, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(Enumerable.Range(0, Pages * PageSize).Select(i => (byte)(i * 7)).ToArray());
            file.Flush(flushToDisk: true); // clean pages: the kernel pages out only what needs no writing back
        }

        using var read = File.OpenHandle(_path);
        nint start = Mmap(0, Pages * PageSize, ProtRead, MapPrivate, (int)read.DangerousGetHandle(), 0);
        start.Should().NotBe(-1, "the file is mapped");
        try
        {
            int sum = 0;
            for (int page = 0; page < Pages; page++)
            {
                sum += Marshal.ReadByte(start, (page * PageSize) + 1);
            }

            sum.Should().BeGreaterThan(0);
            long before = ResidentKilobytes(start);

            var report = ProgramPages.PageOut();
            long after = ResidentKilobytes(start);

            before.Should().Be(Pages * PageSize / 1024, "every page was read");
            if (report.Mappings == 0 && report.Refused > 0)
            {
                return; // a kernel before 5.4 knows no MADV_PAGEOUT: nothing given back, nothing broken
            }

            report.Mappings.Should().BeGreaterThan(0);
            after.Should().BeLessThan(before / 4, $"{report.Mappings} mappings advised, {report.Refused} refused");
            VmFlags(start).Should().Contain("rr", "the mapping is read at random from now on: a page read again comes back without its neighbours");
            Marshal.ReadByte(start, (5 * PageSize) + 3).Should().Be(unchecked((byte)(((5 * PageSize) + 3) * 7)), "a page given back reads again from the file");
        }
        finally
        {
            Munmap(start, Pages * PageSize).Should().Be(0);
        }
    }

    public void Dispose() => File.Delete(_path);

    private static long ResidentKilobytes(nint start) =>
        long.Parse(SmapsField(start, "Rss:").Split(' ')[0], CultureInfo.InvariantCulture);

    private static string[] VmFlags(nint start) => SmapsField(start, "VmFlags:").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string SmapsField(nint start, string field)
    {
        string prefix = $"{start:x}-";
        bool inMapping = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                inMapping = true;
            }
            else if (inMapping && line.StartsWith(field, StringComparison.Ordinal))
            {
                return line[field.Length..].Trim();
            }
        }

        throw new InvalidOperationException($"no mapping at {prefix} in /proc/self/smaps");
    }

    private const int ProtRead = 1;
    private const int MapPrivate = 2;

    [DllImport("libc", EntryPoint = "mmap")]
    private static extern nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", EntryPoint = "munmap")]
    private static extern int Munmap(nint address, nuint length);
}
