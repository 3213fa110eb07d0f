namespace MotionServer.Host;

/// <summary>The process's exit codes (docs/running.md, "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>Ran and stopped cleanly.</summary>
    public const int Success = 0;

    /// <summary>Failed unexpectedly.</summary>
    public const int Failure = 1;

    /// <summary>Refused to start: bad command line, settings or roster, or the event folder is locked or unusable.</summary>
    public const int BadInput = 2;
}
