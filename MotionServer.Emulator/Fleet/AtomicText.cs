using System.Text;

namespace MotionServer.Emulator.Fleet;

/// <summary>Writes text files so that a reader (the server re-reading its hosts file or roster) never sees half a file.</summary>
internal static class AtomicText
{
    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to a temporary file beside <paramref name="path"/>, then renames it.</summary>
    public static void Write(string path, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        string? folder = Path.GetDirectoryName(full);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        string temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
