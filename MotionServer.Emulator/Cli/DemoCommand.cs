using System.Globalization;
using MotionServer.Emulator.Demo;
using MotionServer.Emulator.Fleet;

namespace MotionServer.Emulator.Cli;

/// <summary>Starts the demo fleet, writes its hosts file and roster, says it is ready, runs until stopped.</summary>
internal sealed class DemoCommand(DemoArguments arguments, TextWriter output)
{
    /// <summary>
    /// The one line the server waits for: <c>ready port=P devices=N first=127.0.0.2 last=127.0.0.13</c>, printed once
    /// the hosts file and the roster are written.
    /// </summary>
    public const string ReadyWord = "ready";

    public async Task RunAsync(CancellationToken stopping)
    {
        var demo = await DemoFleet.StartAsync(TimeProvider.System, stopping).ConfigureAwait(false);
        await using (demo.ConfigureAwait(false))
        {
            demo.WriteHostsFile(arguments.HostsFile);
            AtomicText.Write(arguments.Roster, demo.RosterCsv);
            var devices = demo.Fleet.Devices;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{ReadyWord} port={demo.Port} devices={devices.Count} first={devices[0].Address} last={devices[^1].Address}")).ConfigureAwait(false);
            await output.FlushAsync(stopping).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // stopped: every device leaves as the fleet is disposed
            }
        }
    }
}
