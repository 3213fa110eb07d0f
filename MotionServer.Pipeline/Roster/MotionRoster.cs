using System.Collections.Frozen;
using System.Globalization;

namespace MotionServer.Pipeline.Roster;

/// <summary>
/// The event's roster: which device belongs to whom on which days. Immutable; a re-read roster is a new instance.
/// </summary>
public sealed class MotionRoster
{
    private readonly FrozenDictionary<int, RosterEntry[]> _byDevice;

    private MotionRoster(IReadOnlyList<RosterEntry> entries)
    {
        Entries = entries;
        _byDevice = entries
            .GroupBy(e => e.MotionId)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(e => e.StartDate).ToArray());
        DeviceIds = entries.Select(e => e.MotionId).Distinct().ToArray();
        EntriesByFileId = [.. entries.OrderBy(e => e.FileId, StringComparer.Ordinal).ThenBy(e => e.MotionId)];
    }

    /// <summary>An empty roster.</summary>
    public static MotionRoster Empty { get; } = new([]);

    /// <summary>Every row, in file order.</summary>
    public IReadOnlyList<RosterEntry> Entries { get; }

    /// <summary>
    /// Every row by File ID (ordinal), then Motion ID, rows alike in both in file order: the order of a day's results,
    /// sorted once here rather than at every rebuild.
    /// </summary>
    internal IReadOnlyList<RosterEntry> EntriesByFileId { get; }

    /// <summary>Every device id, in order of first appearance.</summary>
    public IReadOnlyList<int> DeviceIds { get; }

    /// <summary>
    /// Builds a roster from rows given in code, with the same checks as a roster file: positive ids,
    /// start not after end, a usable file id, and no device claimed by two rows on one day.
    /// </summary>
    /// <exception cref="RosterException">Naming every problem.</exception>
    public static MotionRoster Create(IEnumerable<RosterEntry> entries, string source = "roster")
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var problems = new List<RosterProblem>();
        foreach (var entry in list)
        {
            problems.AddRange(CheckEntry(entry, source));
        }

        problems.AddRange(FindOverlaps(list, source));
        if (problems.Count > 0)
        {
            throw new RosterException(problems);
        }

        return new MotionRoster(list);
    }

    /// <summary>True when the roster has rows for the device.</summary>
    public bool Contains(int deviceId) => _byDevice.ContainsKey(deviceId);

    /// <summary>The rows of one device, earliest first.</summary>
    public IReadOnlyList<RosterEntry> EntriesFor(int deviceId) =>
        _byDevice.TryGetValue(deviceId, out var rows) ? rows : [];

    /// <summary>The row that covers a device on a local date, or null when the track is not the event's.</summary>
    public RosterEntry? Find(int deviceId, DateOnly localDate)
    {
        // A loop rather than Array.Find: a lambda over the date was a closure per call, and each results rebuild and
        // each results page asks once per track of the day.
        if (_byDevice.TryGetValue(deviceId, out var rows))
        {
            foreach (var row in rows)
            {
                if (row.Covers(localDate))
                {
                    return row;
                }
            }
        }

        return null;
    }

    internal static IEnumerable<RosterProblem> CheckEntry(RosterEntry entry, string source)
    {
        if (entry.MotionId <= 0)
        {
            yield return new RosterProblem(source, entry.Line, $"Motion ID {entry.MotionId} is not a device (placeholders must be left out)");
        }

        if (entry.EndDate < entry.StartDate)
        {
            yield return new RosterProblem(source, entry.Line,
                $"End Date {Format(entry.EndDate)} is before Start Date {Format(entry.StartDate)}");
        }

        if (!IsValidFileId(entry.FileId))
        {
            yield return new RosterProblem(source, entry.Line,
                $"File ID \"{entry.FileId}\" must be letters, digits, '-' or '_' (it starts every track's file name)");
        }
    }

    internal static IEnumerable<RosterProblem> FindOverlaps(IEnumerable<RosterEntry> entries, string source)
    {
        foreach (var group in entries.GroupBy(e => e.MotionId))
        {
            var rows = group.OrderBy(e => e.StartDate).ThenBy(e => e.Line).ToArray();
            for (int i = 0; i < rows.Length; i++)
            {
                for (int j = i + 1; j < rows.Length && rows[j].StartDate <= rows[i].EndDate; j++)
                {
                    var first = rows[i].StartDate > rows[j].StartDate ? rows[i].StartDate : rows[j].StartDate;
                    var last = rows[i].EndDate < rows[j].EndDate ? rows[i].EndDate : rows[j].EndDate;
                    yield return new RosterProblem(source, rows[j].Line,
                        $"Motion ID {group.Key} is also claimed by line {rows[i].Line} from {Format(first)} to {Format(last)}; one device can belong to one person a day");
                }
            }
        }
    }

    internal static bool IsValidFileId(string fileId) =>
        fileId.Length is > 0 and <= 64 && fileId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
