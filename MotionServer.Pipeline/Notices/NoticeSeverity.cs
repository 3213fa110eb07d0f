namespace MotionServer.Pipeline.Notices;

/// <summary>How urgent a notice is; the log level it starts with.</summary>
public enum NoticeSeverity
{
    /// <summary>Work goes on, but someone should look (logged as WARNING).</summary>
    Warning,

    /// <summary>Work is held up or data is at risk until someone acts (logged as ERROR).</summary>
    Error,
}
