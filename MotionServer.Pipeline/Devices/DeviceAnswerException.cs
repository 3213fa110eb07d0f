namespace MotionServer.Pipeline.Devices;

/// <summary>
/// A device's answer could not be used: no answer in time, an HTTP error, malformed or oversized JSON,
/// a wrong identifier. <see cref="Exception.Message"/> is the reason the log and dashboards show.
/// </summary>
internal sealed class DeviceAnswerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeviceAnswerException(string message, bool unreachable = false)
        : base(message)
    {
        Unreachable = unreachable;
    }

    /// <summary>Creates the exception with its cause.</summary>
    public DeviceAnswerException(string message, Exception innerException, bool unreachable = false)
        : base(message, innerException)
    {
        Unreachable = unreachable;
    }

    /// <summary>Creates an empty exception.</summary>
    public DeviceAnswerException()
        : base("the device's answer could not be used")
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public DeviceAnswerException(string message, Exception innerException)
        : this(message, innerException, unreachable: false)
    {
    }

    /// <summary>True when the device could not be reached at all (it has probably left); false when it answered badly.</summary>
    public bool Unreachable { get; }
}
