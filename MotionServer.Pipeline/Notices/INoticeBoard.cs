namespace MotionServer.Pipeline.Notices;

/// <summary>
/// The one place for conditions that need someone to act. A raised notice shows on every dashboard page and in
/// status.json until it is cleared; it is logged once (WARNING or ERROR) when it starts and once (INFO) when it
/// ends. Raising a notice that is already raised only updates its text. Thread-safe.
/// </summary>
public interface INoticeBoard
{
    /// <summary>The notices raised now, oldest first.</summary>
    IReadOnlyList<Notice> Current { get; }

    /// <summary>Raises the notice <paramref name="code"/> (or updates its text when it is already raised).</summary>
    void Raise(string code, NoticeSeverity severity, string text);

    /// <summary>Clears the notice <paramref name="code"/>; nothing happens when it is not raised.</summary>
    void Clear(string code);
}
