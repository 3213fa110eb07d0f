using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Logging;

namespace MotionServer.Pipeline.Stages;

/// <summary>What kind of thing went wrong in a stage, which decides the device's words and status.</summary>
internal enum StageErrorKind
{
    /// <summary>The device did not answer at all: it may have left.</summary>
    DeviceUnreachable,

    /// <summary>The device answered, but not as it should (HTTP error, malformed or oversized document, wrong identifier).</summary>
    DeviceAnswer,

    /// <summary>The event folder could not be read or written (full disk, permissions, a file in the way).</summary>
    EventFolder,

    /// <summary>Anything else: a defect of ours. The device is failed and retried; the fleet goes on.</summary>
    Unexpected,
}

/// <summary>An exception a stage threw, sorted once, in one place, into its kind and the words the log shows.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Reason">The reason, escaped for a log line.</param>
internal sealed record StageError(StageErrorKind Kind, string Reason)
{
    public static StageError Classify(Exception error) => error switch
    {
        DeviceAnswerException { Unreachable: true } e => new(StageErrorKind.DeviceUnreachable, LogText.Escape(e.Message)),
        DeviceAnswerException e => new(StageErrorKind.DeviceAnswer, LogText.Escape(e.Message)),
        IOException or UnauthorizedAccessException => new(StageErrorKind.EventFolder, LogText.Escape(error.Message)),
        _ => new(StageErrorKind.Unexpected, $"unexpected {error.GetType().Name}: {LogText.Escape(error.Message)}"),
    };
}
