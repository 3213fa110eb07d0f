namespace MotionServer.Pipeline.Detection;

/// <summary>What the detection schedule's loop hears from its looks and from the retry path.</summary>
internal enum ScheduleEventKind
{
    /// <summary>A look found a device an earlier look had missed: the arrival pace starts.</summary>
    Arrived,

    /// <summary>A look ended without handing the device over: it is due again, and released.</summary>
    Missed,

    /// <summary>A look ended with the device handed to the detection stage: it belongs to the graph now.</summary>
    HandedOver,

    /// <summary>The retry path handed a device back (its backoff waited out): released, and due at once.</summary>
    Returned,
}

/// <summary>One message to the detection schedule's loop.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="DeviceId">To which device.</param>
/// <param name="At">When, on the <see cref="ScheduleClock"/>.</param>
internal readonly record struct ScheduleEvent(ScheduleEventKind Kind, int DeviceId, TimeSpan At);
