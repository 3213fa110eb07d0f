using System.Collections.Concurrent;
using MotionServer.Pipeline.Stages;

namespace MotionServer.Pipeline.Tests.Support;

/// <summary>
/// A stage whose own logic is the test's: <see cref="Run"/> and <see cref="Failed"/> say what it does, and every call is
/// recorded, so a test can tell whether the guard called it and with what.
/// </summary>
internal sealed class FakeDeviceStage<TInput> : IDeviceStage<TInput>
{
    private readonly ConcurrentQueue<TInput> _runs = new();
    private readonly ConcurrentQueue<(DeviceWork Work, StageError Error)> _failures = new();

    public string Name { get; init; } = "fake";

    /// <summary>The stage's logic (default: the device is done).</summary>
    public Func<TInput, Task<StageOutcome>> Run { get; init; } = _ => throw new InvalidOperationException("no Run given");

    /// <summary>What an error means for the device (default: failed, with the error's reason).</summary>
    public Func<DeviceWork, StageError, Task<StageOutcome>> Failed { get; init; } =
        (work, error) => Task.FromResult<StageOutcome>(new DeviceFailed(work, error.Reason));

    public IReadOnlyList<TInput> Runs => [.. _runs];

    public IReadOnlyList<(DeviceWork Work, StageError Error)> Failures => [.. _failures];

    public Task<StageOutcome> RunAsync(TInput input)
    {
        _runs.Enqueue(input);
        return Run(input);
    }

    public Task<StageOutcome> FailedAsync(DeviceWork work, StageError error)
    {
        _failures.Enqueue((work, error));
        return Failed(work, error);
    }
}
