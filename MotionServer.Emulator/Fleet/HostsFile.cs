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
    public static void Write(string path, string text) => AtomicText.Write(path, text);
}
