using System.Text;
using MotionServer.Emulator.Devices;

namespace MotionServer.Emulator.Fleet;

/// <summary>Hosts-format text (<c>127.0.0.N motion-&lt;id&gt;</c> lines), as <c>Network:HostsFile</c> reads it.</summary>
internal static class HostsFile
{
    /// <summary>One line per device.</summary>
    public static string Text(IEnumerable<EmulatedDevice> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var text = new StringBuilder();
        foreach (var device in devices)
        {
            text.Append(device.Address).Append(' ').Append(device.Hostname).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes <paramref name="text"/> atomically (temporary file, then rename): a reader never sees half a file.</summary>
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
