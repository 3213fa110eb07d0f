using System.Globalization;
using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Demo;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;

namespace MotionServer.Emulator.Cli;

/// <summary>Starts a realistic fleet, writes the hosts file and roster, prints the addresses, runs until stopped.</summary>
internal sealed class EmulatorCommand(EmulatorArguments arguments, ILoggerFactory loggerFactory, TextWriter output)
{
    /// <summary>Runs until <paramref name="stopping"/> is cancelled; then every device leaves.</summary>
    /// <param name="stopping">Ctrl+C.</param>
    /// <param name="started">Called once every device is present and the files are written.</param>
    /// <exception cref="System.Net.Sockets.SocketException">The port is taken.</exception>
    public async Task RunAsync(CancellationToken stopping, Action<EmulatedFleet>? started = null)
    {
        var plan = RealisticFleet.Build(new RealisticFleetOptions
        {
            Devices = arguments.Devices,
            TracksPerDevice = arguments.Tracks,
            BandwidthBytesPerSecond = arguments.Bandwidth,
            Seed = arguments.Seed,
            FirstDeviceId = arguments.FirstId,
            GlitchedDevices = arguments.Glitched,
        }, TimeProvider.System);
        var fleet = EmulatedFleet.Create(DamagedTracks.Into(plan.Devices, arguments.Damaged), new FleetOptions { Port = arguments.Port, LoggerFactory = loggerFactory });
        await using (fleet.ConfigureAwait(false))
        {
            await fleet.JoinAllAsync(stopping).ConfigureAwait(false);
            fleet.WriteHostsFile(arguments.HostsFile);
            if (arguments.Roster is { } roster)
            {
                AtomicText.Write(roster, plan.RosterCsv);
            }

            await PrintAsync(fleet).ConfigureAwait(false);
            started?.Invoke(fleet);
            try
            {
                await Task.Delay(Timeout.Infinite, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                await output.WriteLineAsync("Stopping: every device leaves.").ConfigureAwait(false);
            }
        }
    }

    private async Task PrintAsync(EmulatedFleet fleet)
    {
        foreach (var device in fleet.Devices)
        {
            long bytes = device.Tracks.Sum(t => t.Size);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{device.Hostname,-12} {device.BaseUri,-26} {device.Tracks.Count,3} logs {bytes / 1048576.0,7:0.0} MiB  battery {device.Profile.BatteryLevel,3}%  firmware {device.Profile.Firmware.Code}  {device.BandwidthBytesPerSecond / 1048576.0:0.00} MiB/s"))
                .ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{fleet.Devices.Count} devices on port {fleet.Port}. Server settings: Network:Port={fleet.Port} Network:HostsFile={Path.GetFullPath(arguments.HostsFile)}"))
            .ConfigureAwait(false);
        if (arguments.Roster is { } roster)
        {
            await output.WriteLineAsync($"Roster written to {Path.GetFullPath(roster)}.").ConfigureAwait(false);
        }

        await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
    }
}
