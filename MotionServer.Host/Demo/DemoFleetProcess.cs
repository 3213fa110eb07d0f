using System.Diagnostics;
using System.Globalization;

namespace MotionServer.Host.Demo;

/// <summary>
/// The demo fleet, run by the emulator program as a child process (<c>MotionServer.Emulator demo</c>): started with the
/// paths of the hosts file and roster to write, ready when it prints its <c>ready</c> line, stopped by closing its
/// standard input (which also stops it should the server die).
/// </summary>
internal sealed class DemoFleetProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private Task _drain = Task.CompletedTask;

    private DemoFleetProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The port every device listens on (<c>Network:Port</c>).</summary>
    public int Port { get; private set; }

    public int Devices { get; private set; }

    public string FirstAddress { get; private set; } = "";

    public string LastAddress { get; private set; } = "";

    /// <summary>Starts the fleet and waits until it is ready; or says why it could not.</summary>
    public static async Task<(DemoFleetProcess? Fleet, string? Problem)> StartAsync(ProcessStartInfo start, string hostsFile, string roster)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        foreach (string argument in (string[])["demo", "--hosts-file", hostsFile, "--roster", roster])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"the demo fleet could not start: {start.FileName}: {e.Message}");
        }

        var fleet = new DemoFleetProcess(process);
        string? problem = await fleet.WaitReadyAsync().ConfigureAwait(false);
        if (problem is null)
        {
            return (fleet, null);
        }

        await fleet.DisposeAsync().ConfigureAwait(false);
        return (null, problem);
    }

    /// <summary>Closes the fleet's standard input (every device leaves), then waits for it; a fleet that does not stop is killed.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(StopTimeout);
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _drain.ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task<string?> WaitReadyAsync()
    {
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        try
        {
            while (await _process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
            {
                if (TryReady(line))
                {
                    _drain = DrainAsync(); // nothing more is expected, but a full pipe must never block the fleet
                    return null;
                }
            }

            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            return $"the demo fleet could not start (MotionServer.Emulator exited with code {_process.ExitCode})";
        }
        catch (OperationCanceledException)
        {
            return $"the demo fleet was not ready within {ReadyTimeout.TotalSeconds:0} s";
        }
    }

    /// <summary>Reads <c>ready port=P devices=N first=A last=B</c>.</summary>
    private bool TryReady(string line)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is not ["ready", ..])
        {
            return false;
        }

        var fields = words.Skip(1).Select(w => w.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        Port = int.Parse(fields["port"], CultureInfo.InvariantCulture);
        Devices = int.Parse(fields["devices"], CultureInfo.InvariantCulture);
        FirstAddress = fields["first"];
        LastAddress = fields["last"];
        return true;
    }

    private async Task DrainAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is not null)
        {
            // discarded
        }
    }
}
