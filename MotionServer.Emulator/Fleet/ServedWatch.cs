using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Transfers;

namespace MotionServer.Emulator.Fleet;

/// <summary>
/// Watches one device over a <see cref="CompressedDay"/> for the moments it has been served: in the current visit the
/// server asked for its logs, and every track it holds has been sent whole, in this visit or an earlier one. It learns
/// that from the requests the device answers alone, so it holds for any server.
/// </summary>
internal sealed class ServedWatch : IDisposable
{
    private readonly EmulatedDevice _device;
    private readonly HashSet<string> _sentWhole = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private DateTimeOffset _visitStarted = DateTimeOffset.MaxValue;
    private bool _logsAsked;
    private TaskCompletionSource _served = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ServedWatch(EmulatedDevice device)
    {
        _device = device;
        _device.RequestServed += OnRequestServed;
    }

    /// <summary>A visit begins now: the returned task completes once the device has been served in it.</summary>
    public Task VisitBegins(DateTimeOffset at)
    {
        lock (_gate)
        {
            _visitStarted = at;
            _logsAsked = false;
            _served = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _served.Task;
        }
    }

    public void Dispose() => _device.RequestServed -= OnRequestServed;

    private void OnRequestServed(object? sender, ServedRequest served)
    {
        lock (_gate)
        {
            if (served.At < _visitStarted)
            {
                return;
            }

            if (served.Path == "/logs.json" && served.StatusCode == 200)
            {
                _logsAsked = true;
            }
            else if (served.Outcome == TransferOutcome.Completed && _device.FindTrack(served.Path) is not null)
            {
                _sentWhole.Add(served.Path);
            }

            if (_logsAsked && _device.Tracks.All(t => _sentWhole.Contains(t.Path)))
            {
                _served.TrySetResult();
            }
        }
    }
}
