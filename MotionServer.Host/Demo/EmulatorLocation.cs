using System.Diagnostics;

namespace MotionServer.Host.Demo;

/// <summary>
/// Where the emulator program is: beside the server's own program. The shipped server holds no emulator code; the demo
/// fleet runs in a program of its own, <c>MotionServer.Emulator</c>, that the build copies beside the server (for
/// <c>dotnet run</c>) and that is published into the same folder as the server (docs/running.md).
/// </summary>
internal static class EmulatorLocation
{
    public const string ProgramName = "MotionServer.Emulator";

    /// <summary>How to start the emulator found in <paramref name="folder"/>; null when it is not there.</summary>
    public static ProcessStartInfo? Find(string folder)
    {
        string program = Path.Combine(folder, OperatingSystem.IsWindows() ? $"{ProgramName}.exe" : ProgramName);
        if (File.Exists(program))
        {
            return new ProcessStartInfo(program);
        }

        // A framework-dependent build without an apphost: run the library with the same dotnet as the server, if it is one.
        string library = Path.Combine(folder, $"{ProgramName}.dll");
        if (!File.Exists(library))
        {
            return null;
        }

        string? self = Environment.ProcessPath;
        bool underDotnet = self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(underDotnet ? self! : "dotnet");
        start.ArgumentList.Add(library);
        return start;
    }

    /// <summary>What to say when it is not there.</summary>
    public static string Missing(string folder) =>
        $"the demo runs its fleet in {ProgramName}, which is not beside this program (in {folder}): publish it into the same folder, "
        + $"e.g. dotnet publish {ProgramName} -c Release -r linux-x64 -o {folder}";
}
