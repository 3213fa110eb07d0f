using System.Globalization;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// Builds the results page's view of today (the laptop's local day) from a snapshot: the same table as
/// <c>results/&lt;yyyyMMdd&gt;</c> (<see cref="DayResultsTable"/> over the completed tracks and the roster), ranked.
/// </summary>
internal static class ResultsViewBuilder
{
    /// <summary>Places shown per category.</summary>
    public const int TopCount = 10;

    /// <summary>The view of <paramref name="snapshot"/>'s day on <paramref name="clock"/>.</summary>
    public static ResultsView Build(FleetSnapshot snapshot, LocalClock clock)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(clock);
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var rows = DayResultsTable.Build(snapshot.Roster, today, CompletedTracks(snapshot));
        var classes = new List<ResultsClassView> { Class("All", rows) };
        var craftTypes = rows.Select(r => r.Entry.CraftType).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (craftTypes.Count > 1)
        {
            classes.AddRange(craftTypes.Select(c => Class(c, [.. rows.Where(r => string.Equals(r.Entry.CraftType, c, StringComparison.Ordinal))])));
        }

        return new ResultsView
        {
            Date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Label = today.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
            RosterRows = rows.Count,
            Tracks = rows.Sum(r => r.Tracks),
            SuspectTracks = rows.Sum(r => r.SuspectTracks),
            Classes = classes,
        };
    }

    /// <summary>Every completed track of the snapshot, as the day's table counts it.</summary>
    public static IEnumerable<DayTrack> CompletedTracks(FleetSnapshot snapshot) =>
        snapshot.Motions.SelectMany(m => m.TrackList
            .Where(t => string.Equals(t.Status, "completed", StringComparison.Ordinal))
            .Select(t => DayTrack.Of(m.Id, t.LocalStart, t.Duration, t.Results)));

    private static ResultsClassView Class(string name, IReadOnlyList<DayResultRow> rows) => new()
    {
        Name = DisplayText.Clean(name),
        Slug = Slug(name),
        Categories = [.. ResultColumn.All.Select(c => new ResultsCategoryView
        {
            Key = c.Key,
            Title = c.Title,
            Unit = c.Unit,
            Rows = Top(rows, c),
        })],
    };

    private static List<ResultsRankView> Top(IReadOnlyList<DayResultRow> rows, ResultColumn category) =>
        [.. rows
            .Where(r => category.Of(r.Best) is { } v && double.IsFinite(v))
            .OrderByDescending(r => category.Of(r.Best))
            .ThenBy(r => r.Entry.FileId, StringComparer.Ordinal)
            .Take(TopCount)
            .Select((r, i) => new ResultsRankView
            {
                Rank = i + 1,
                Competitor = DisplayText.Clean(r.Entry.CompetitorName.Length > 0 ? r.Entry.CompetitorName : r.Entry.FileId),
                FileId = DisplayText.Clean(r.Entry.FileId),
                CraftType = DisplayText.Clean(r.Entry.CraftType),
                Figure = ResultText.Figure(category.Of(r.Best), DisplayText.Unknown),
                Suspect = r.HasSuspect,
                SuspectTracks = r.SuspectTracks,
            })];

    private static string Slug(string name)
    {
        var letters = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        string slug = new string(letters).Trim('-');
        return slug.Length == 0 ? "class" : slug;
    }
}
