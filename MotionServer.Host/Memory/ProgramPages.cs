using System.Runtime.InteropServices;

namespace MotionServer.Host.Memory;

/// <summary>
/// Gives the kernel back the pages of this process's read-only file mappings (Linux's <c>MADV_PAGEOUT</c>): what
/// starting the server read (the runtime's compact type data, which it expands once into memory of its own, and the
/// code and data of configuration, the roster, the templates) stays resident until the kernel needs the memory, which
/// on a laptop with room to spare is never. Pages still in use come back at the next touch, read from the file.
/// <para>
/// Each mapping is first advised to be read at random (<c>MADV_RANDOM</c>), so that a page touched again comes back
/// alone. Otherwise the fault reads ahead around it (up to the disk's read-ahead, 8 MiB here) and the kernel then maps
/// the neighbours it finds cached (64 KiB around each fault): pages running never uses came back with the ones it
/// does. Measured on the published program, rush at a roster of 1,000: the program's file 21 MiB resident after the
/// start; 17 MiB at the rush's peak with the page-out alone, 14 MiB with both (VmHWM 41–43 against 38–39.5 MiB), for
/// about 550 pages read one at a time over the rush instead of about 25 large reads (benchmarks/README.md).
/// </para>
/// </summary>
internal static class ProgramPages
{
    private const int RandomAccessAdvice = 1; // MADV_RANDOM
    private const int PageOutAdvice = 21; // MADV_PAGEOUT, Linux 5.4 and later

    /// <summary>
    /// Advises every read-only file mapping of this process to be read at random from now on and to be paged out;
    /// nothing on other systems.
    /// </summary>
    public static ProgramPagesReport PageOut()
    {
        if (!OperatingSystem.IsLinux())
        {
            return new ProgramPagesReport(0, 0, 0);
        }

        int advised = 0;
        int refused = 0;
        long bytes = 0;
        foreach (string line in File.ReadLines("/proc/self/maps"))
        {
            if (!ProgramFileMapping.TryParse(line, out var mapping))
            {
                continue;
            }

            // Random access first: the pages the page-out gives back must not return with their neighbours.
            bool random = Madvise(mapping.Start, mapping.Length, RandomAccessAdvice) == 0;
            if (random && Madvise(mapping.Start, mapping.Length, PageOutAdvice) == 0)
            {
                advised++;
                bytes += (long)mapping.Length;
            }
            else
            {
                refused++; // an older kernel (EINVAL), or a mapping gone since the line was read
            }
        }

        return new ProgramPagesReport(advised, bytes, refused);
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nuint address, nuint length, int advice);
}

/// <summary>What <see cref="ProgramPages.PageOut"/> did.</summary>
/// <param name="Mappings">Mappings advised.</param>
/// <param name="Bytes">Their length together (not all of it was resident).</param>
/// <param name="Refused">Mappings the kernel refused either piece of advice for.</param>
internal readonly record struct ProgramPagesReport(int Mappings, long Bytes, int Refused);
