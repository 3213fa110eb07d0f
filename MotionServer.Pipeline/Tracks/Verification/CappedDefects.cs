using System.Globalization;

namespace MotionServer.Pipeline.Tracks.Verification;

/// <summary>
/// Defects of one kind, the first few in full and the rest as one line with their count: a track with a stray byte
/// after every frame has tens of thousands of them, and a verdict that lists each one weighs megabytes in status.json
/// and the ledger.
/// </summary>
/// <param name="kind">The kind of every defect added.</param>
/// <param name="plural">What the rest are called, e.g. <c>unknown-byte runs</c>.</param>
/// <param name="defects">Where defects go.</param>
internal sealed class CappedDefects(TrackDefectKind kind, string plural, List<TrackDefect> defects)
{
    /// <summary>Defects of one kind a verdict shows in full.</summary>
    public const int Shown = 5;

    private int _count;

    /// <summary>Adds one defect: in full while fewer than <see cref="Shown"/> were, otherwise only counted.</summary>
    public void Add(string text)
    {
        if (_count++ < Shown)
        {
            defects.Add(new TrackDefect(kind, text));
        }
    }

    /// <summary>Counts defects whose details are not known (the reader counted them without keeping them).</summary>
    public void AddUnseen(int count) => _count += count;

    /// <summary>Adds the line for the rest, when there is a rest.</summary>
    public void Close()
    {
        if (_count > Shown)
        {
            defects.Add(new TrackDefect(kind, string.Create(CultureInfo.InvariantCulture, $"and {_count - Shown:N0} more {plural}")));
        }
    }
}
