using System.Globalization;

namespace MotionServer.Host.Memory;

/// <summary>
/// One read-only mapping of a file into this process (a line of <c>/proc/self/maps</c>): the program's code and
/// constant data, and the libraries'. Its pages can always be read again from the file, so giving them back loses
/// nothing; writable mappings (the program's variables, and data the loader has relocated) are never among them.
/// </summary>
/// <param name="Start">The mapping's first address.</param>
/// <param name="Length">Its length in bytes.</param>
internal readonly record struct ProgramFileMapping(nuint Start, nuint Length)
{
    /// <summary>
    /// The mapping a <c>/proc/self/maps</c> line describes ("start-end perms offset dev inode path"), when it maps a
    /// file and is neither writable nor shared; false for anything else, a line it cannot read included.
    /// </summary>
    public static bool TryParse(string line, out ProgramFileMapping mapping)
    {
        mapping = default;
        string[] fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 6 || !fields[5].StartsWith('/'))
        {
            return false; // anonymous memory, the stack, [vdso] and the like
        }

        string permissions = fields[1];
        if (permissions.Length != 4 || permissions[0] != 'r' || permissions[1] != '-' || permissions[3] != 'p')
        {
            return false;
        }

        string[] range = fields[0].Split('-');
        if (range.Length != 2
            || !ulong.TryParse(range[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong start)
            || !ulong.TryParse(range[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong end)
            || end <= start)
        {
            return false;
        }

        mapping = new ProgramFileMapping((nuint)start, (nuint)(end - start));
        return true;
    }
}
