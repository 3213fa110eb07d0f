using System.Globalization;
using MotionServer.Pipeline.Configuration;
using Microsoft.Extensions.Logging;

namespace MotionServer.Host.Demo;

/// <summary>
/// The <c>--demo</c> run: an emulated fleet of Motion devices on loopback (each on its own 127.0.0.N, one port),
/// arriving and leaving over a few minutes, with its roster and a hosts file in a demo event folder, and the
/// server pointed at it. The fleet runs in the emulator program beside the server's (<see cref="EmulatorLocation"/>),
/// so the shipped server holds none of its code. The demo only ever writes into an empty folder or an earlier demo folder — never a
/// real event's.
/// </summary>
internal sealed partial class DemoEnvironment : IAsyncDisposable
{
    /// <summary>Marks a folder as a demo's, so a later demo may reuse it and a real event folder is never touched.</summary>
    public const string MarkerFile = ".motion-server-demo";

    private const string HostsFile = "config/demo-hosts";

    private readonly DemoFleetProcess _fleet;

    private DemoEnvironment(string eventDirectory, DemoFleetProcess fleet)
    {
        EventDirectory = eventDirectory;
        _fleet = fleet;
        SettingsOverrides = new Dictionary<string, string?>
        {
            [$"{MotionServerDefaults.SectionName}:Network:HostsFile"] = HostsFile,
            [$"{MotionServerDefaults.SectionName}:Network:Port"] = fleet.Port.ToString(CultureInfo.InvariantCulture),

            // The whole fleet is in its hosts file: a device away is not asked of the laptop's network.
            [$"{MotionServerDefaults.SectionName}:Detection:NameLookup"] = "hosts",
        };
    }

    public string EventDirectory { get; }

    /// <summary>Settings that point the server at the emulated fleet.</summary>
    public IReadOnlyDictionary<string, string?> SettingsOverrides { get; }

    /// <summary>Prepares the folder and starts the fleet; or says why the folder cannot be a demo folder.</summary>
    public static async Task<(DemoEnvironment? Environment, string? Problem)> StartAsync(string? eventDirectory)
    {
        string folder = eventDirectory is null
            ? Path.Combine(Path.GetTempPath(), $"motion-server-demo-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}")
            : Path.GetFullPath(eventDirectory);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any() && !File.Exists(Path.Combine(folder, MarkerFile)))
        {
            return (null, $"{folder} is not empty and not an earlier demo folder: the demo never writes into a real event's folder. Give an empty folder, or none.");
        }

        if (EmulatorLocation.Find(AppContext.BaseDirectory) is not { } emulator)
        {
            return (null, EmulatorLocation.Missing(AppContext.BaseDirectory));
        }

        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "config"));
            await File.WriteAllTextAsync(Path.Combine(folder, MarkerFile), "This folder belongs to a Motion Server demo run.\n").ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"the demo folder {folder} cannot be written: {e.Message}");
        }

        var (fleet, problem) = await DemoFleetProcess.StartAsync(emulator, Path.Combine(folder, HostsFile), Path.Combine(folder, "config", "motions.csv"))
            .ConfigureAwait(false);
        return fleet is null ? (null, problem) : (new DemoEnvironment(folder, fleet), null);
    }

    /// <summary>Tells the newcomer where to look.</summary>
    public void Announce(ILogger logger)
    {
        DemoRunning(logger, _fleet.Devices, _fleet.FirstAddress, _fleet.LastAddress, _fleet.Port);
        DemoFolder(logger, EventDirectory, Path.Combine(EventDirectory, "dashboards", "index.html"));
    }

    public ValueTask DisposeAsync() => _fleet.DisposeAsync();
}
