namespace MotionServer.Pipeline.Stages;

/// <summary>
/// One stage's own logic and nothing else. The guard every stage shares (<see cref="StageGuard"/>) runs it: a stop
/// turns waiting work into <see cref="DeviceAbandoned"/>, and an exception becomes the outcome
/// <see cref="FailedAsync"/> gives it, so no block ever faults because of one device.
/// </summary>
/// <typeparam name="TInput">What the stage takes: a <see cref="DeviceWork"/>, or the outcome of the stage before it.</typeparam>
internal interface IDeviceStage<in TInput>
{
    /// <summary>The stage's name in log lines, e.g. "inspection".</summary>
    string Name { get; }

    /// <summary>Does the stage's work for one device. May throw: the guard classifies the exception.</summary>
    Task<StageOutcome> RunAsync(TInput input);

    /// <summary>What an error during <see cref="RunAsync"/> means for the device: its log line, its status and its outcome.</summary>
    Task<StageOutcome> FailedAsync(DeviceWork work, StageError error);
}
