using MotionServer.Pipeline.Roster;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// A day's results: one row per roster row covering the day, with or without tracks, ordered by File ID (ordinal),
/// then Motion ID, so the same tracks and roster always give the same table whatever order they come in.
/// </summary>
internal static class DayResultsTable
{
    /// <summary>The rows of <paramref name="date"/> (local) from the completed tracks given (other days' are left out).</summary>
    public static IReadOnlyList<DayResultRow> Build(MotionRoster roster, DateOnly date, IEnumerable<DayTrack> tracks)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(tracks);
        var byRow = new Dictionary<RosterEntry, DayAccumulator>(ReferenceEqualityComparer.Instance);
        foreach (var entry in roster.Entries)
        {
            if (entry.Covers(date))
            {
                byRow[entry] = new DayAccumulator();
            }
        }

        foreach (var track in tracks)
        {
            if (DateOnly.FromDateTime(track.LocalStart) == date
                && roster.Find(track.DeviceId, date) is { } row
                && byRow.TryGetValue(row, out var day))
            {
                day.Add(track);
            }
        }

        return [.. byRow
            .Select(r => r.Value.ToRow(r.Key))
            .OrderBy(r => r.Entry.FileId, StringComparer.Ordinal)
            .ThenBy(r => r.Entry.MotionId)];
    }

    /// <summary>One row's sums and bests while the tracks are read.</summary>
    private sealed class DayAccumulator
    {
        private int _tracks;
        private int _suspect;
        private TimeSpan _timeOnWater;
        private CategoryFigures _best = CategoryFigures.None;

        public void Add(DayTrack track)
        {
            _tracks++;
            _timeOnWater += track.TimeOnWater;
            if (track.Results is not { } results)
            {
                return;
            }

            _suspect += results.IsSuspect ? 1 : 0;
            var f = results.Figures;
            _best = new CategoryFigures(
                Max(_best.TwoSeconds, f.TwoSeconds),
                Max(_best.TenSeconds, f.TenSeconds),
                Max(_best.FiveByTenSeconds, f.FiveByTenSeconds),
                Max(_best.FiveHundredMetres, f.FiveHundredMetres),
                Max(_best.NauticalMile, f.NauticalMile),
                Max(_best.ThirtyMinutes, f.ThirtyMinutes),
                Max(_best.OneHour, f.OneHour),
                Max(_best.Alpha500, f.Alpha500),
                Sum(_best.DistanceKm, f.DistanceKm),
                TimeSpan.Zero);
        }

        // A row without tracks keeps CategoryFigures.None itself: at a large roster most rows, at every rebuild.
        public DayResultRow ToRow(RosterEntry entry) =>
            new(entry, _tracks, _best.TimeOnWater == _timeOnWater ? _best : _best with { TimeOnWater = _timeOnWater }, _suspect);

        private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

        private static double? Sum(double? a, double? b) => a is null ? b : b is null ? a : a.Value + b.Value;
    }
}
