using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Notices;

/// <summary>
/// The pipeline's <see cref="INoticeBoard"/>. Conditions whose start and end already have log lines of their own
/// (a refused roster, a device needing attention: lines that event scripts grep) are shown with
/// <see cref="Show"/>/<see cref="Hide"/>, which do not log a second time.
/// </summary>
internal sealed partial class NoticeBoard(TimeProvider time, ILogger logger) : INoticeBoard
{
    private readonly Lock _gate = new();
    private readonly List<Notice> _notices = [];

    public IReadOnlyList<Notice> Current
    {
        get { lock (_gate) { return [.. _notices]; } }
    }

    public void Raise(string code, NoticeSeverity severity, string text)
    {
        if (Put(code, severity, text))
        {
            if (severity == NoticeSeverity.Error)
            {
                LogRaisedError(logger, text);
            }
            else
            {
                LogRaisedWarning(logger, text);
            }
        }
    }

    public void Clear(string code)
    {
        if (Remove(code) is { } cleared)
        {
            LogCleared(logger, cleared.Text);
        }
    }

    /// <summary>Raises a notice without logging (its condition logs lines of its own).</summary>
    public void Show(string code, NoticeSeverity severity, string text) => Put(code, severity, text);

    /// <summary>Clears a notice without logging (its condition logs lines of its own).</summary>
    public void Hide(string code) => Remove(code);

    /// <summary>True when <paramref name="code"/> is raised now.</summary>
    public bool IsRaised(string code)
    {
        lock (_gate)
        {
            return _notices.Exists(n => n.Code == code);
        }
    }

    /// <returns>True when the notice is new (it was not raised).</returns>
    private bool Put(string code, NoticeSeverity severity, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        lock (_gate)
        {
            int index = _notices.FindIndex(n => n.Code == code);
            if (index >= 0)
            {
                _notices[index] = _notices[index] with { Severity = severity, Text = text };
                return false;
            }

            _notices.Add(new Notice(code, severity, text, time.GetUtcNow()));
            return true;
        }
    }

    private Notice? Remove(string code)
    {
        lock (_gate)
        {
            int index = _notices.FindIndex(n => n.Code == code);
            if (index < 0)
            {
                return null;
            }

            var notice = _notices[index];
            _notices.RemoveAt(index);
            return notice;
        }
    }
}
