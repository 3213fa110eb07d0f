using System.Runtime.InteropServices;

namespace MotionServer.Host.Service;

/// <summary>
/// Ctrl+C and SIGTERM from the very start of a run. The Generic Host only handles them once it has started; before
/// that (while the roster and settings are read, the log opened) a signal would end the process at once, without
/// "Server stopped" and with a signal's exit code. A service manager may well stop a service that is still starting.
/// Here such a signal is held and honoured as soon as the host runs: it stops cleanly and exits 0.
/// </summary>
internal sealed class EarlyStopSignals : IDisposable
{
    private readonly CancellationTokenSource _requested = new();
    private readonly List<PosixSignalRegistration> _registrations = [];

    public EarlyStopSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // Not every signal exists everywhere; the host's own handling covers the rest once it runs.
            }
        }
    }

    /// <summary>Cancelled when a stop was asked for.</summary>
    public CancellationToken Requested => _requested.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _requested.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // keep the process alive: the stop is done by the host, cleanly
        try
        {
            _requested.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run is over already.
        }
    }
}
