using System.Collections.Concurrent;
using System.Diagnostics;

namespace MotionServer.Pipeline.Tests.Reliability.Support;

/// <summary>
/// The real server executable as a child process: <c>dotnet MotionServer.Host.dll ...</c> from the test's output folder
/// (the test project references the host, so the build copies it, its nlog.config and appsettings.json there).
/// Its console lines are captured as they come, so a test awaits a line instead of sleeping.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];
    private readonly Lock _gate = new();

    private HostProcess(Process process)
    {
        _process = process;
    }

    public static string HostDll => Path.Combine(AppContext.BaseDirectory, "MotionServer.Host.dll");

    public int Id => _process.Id;

    /// <summary>Every stdout and stderr line so far.</summary>
    public IReadOnlyList<string> Output => [.. _lines];

    public bool HasExited => _process.HasExited;

    public static HostProcess Start(string workingDirectory, params IReadOnlyList<string> arguments) =>
        Start(new Dictionary<string, string>(), workingDirectory, arguments);

    /// <summary>Starts the server with <paramref name="environment"/> added to its environment (e.g. a preloaded library).</summary>
    public static HostProcess Start(IReadOnlyDictionary<string, string> environment, string workingDirectory, params IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MotionServer__", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(key); // only the test's own switches
        }

        // Names from the hosts files only: a roster name the test's fleet does not have is not found without a query
        // to the machine's name server (tests send nothing beyond loopback). A test may set it otherwise.
        start.Environment["MotionServer__Detection__NameLookup"] = "hosts";

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.Received(e.Data);
        process.ErrorDataReceived += (_, e) => host.Received(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Completes with the first console line (past or future) that matches.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } already)
            {
                return Task.FromResult(already);
            }

            _waiters.Add((match, seen));
        }

        return WithOutput(seen.Task.WaitAsync(timeout));
    }

    /// <summary>Waits for the exit and returns its code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await WithOutput(_process.WaitForExitAsync().WaitAsync(timeout));
        _process.WaitForExit(); // lets the redirected streams drain
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM (as a service manager or <c>kill</c> sends it) or another signal, e.g. INT for Ctrl+C.</summary>
    public void Terminate(string signal = "TERM")
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // never started
        }

        _process.Dispose();
    }

    private async Task<T> WithOutput<T>(Task<T> task)
    {
        try
        {
            return await task;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the server did not get there in time; its console so far:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", _lines.TakeLast(30))}");
        }
    }

    private async Task WithOutput(Task task) => await WithOutput(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return 0; }, TaskScheduler.Default));

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        List<TaskCompletionSource<string>> met = [];
        lock (_gate)
        {
            _lines.Enqueue(line);
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(line))
                {
                    met.Add(_waiters[i].Seen);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var seen in met)
        {
            seen.TrySetResult(line);
        }
    }
}
