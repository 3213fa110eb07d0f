using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Transfers;

namespace MotionServer.Pipeline.Tests.Emulator;

/// <summary>Awaits device events with a timeout, so no test ever sleeps to wait for something.</summary>
internal static class Signal
{
    // Generous: it only bounds how long a failing test waits. A host process started on a loaded machine (CI shares its
    // cores) can take well over 10 s to reach the middle of a download.
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Starts listening now; the task ends with the first progress report matching <paramref name="match"/>.</summary>
    public static Task<BodyProgress> Progress(EmulatedDevice device, Func<BodyProgress, bool> match)
    {
        var done = new TaskCompletionSource<BodyProgress>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(object? sender, BodyProgress progress)
        {
            if (match(progress) && done.TrySetResult(progress))
            {
                device.BodyProgress -= Handler;
            }
        }

        device.BodyProgress += Handler;
        return done.Task.WaitAsync(Timeout);
    }

    /// <summary>Starts listening now; the task ends with the first served request matching <paramref name="match"/>.</summary>
    public static Task<ServedRequest> Served(EmulatedDevice device, Func<ServedRequest, bool> match)
    {
        var done = new TaskCompletionSource<ServedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(object? sender, ServedRequest request)
        {
            if (match(request) && done.TrySetResult(request))
            {
                device.RequestServed -= Handler;
            }
        }

        device.RequestServed += Handler;
        return done.Task.WaitAsync(Timeout);
    }

    /// <summary>Starts listening now; the task ends when the device's presence becomes <paramref name="online"/>.</summary>
    public static Task Presence(EmulatedDevice device, bool online)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(object? sender, bool present)
        {
            if (present == online && done.TrySetResult())
            {
                device.PresenceChanged -= Handler;
            }
        }

        device.PresenceChanged += Handler;
        if (device.IsOnline == online)
        {
            done.TrySetResult();
        }

        return done.Task.WaitAsync(Timeout);
    }
}
