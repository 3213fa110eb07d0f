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

        // Only the rows with a track that day get an accumulator: at a large roster most rows have none, and the
        // table is built at every results rebuild (up to twice a second while tracks land) and every results page.
        var byRow = new Dictionary<RosterEntry, DayAccumulator>(ReferenceEqualityComparer.Instance);
        foreach (var track in tracks)
        {
            if (DateOnly.FromDateTime(track.LocalStart) == date && roster.Find(track.DeviceId, date) is { } row)
            {
                if (!byRow.TryGetValue(row, out var day))
                {
                    day = new DayAccumulator();
                    byRow[row] = day;
                }

                day.Add(track);
            }
        }

        var rows = new List<DayResultRow>(roster.Entries.Count);
        foreach (var entry in roster.EntriesByFileId)
        {
            if (entry.Covers(date))
            {
                rows.Add(byRow.TryGetValue(entry, out var day) ? day.ToRow(entry) : new DayResultRow(entry, 0, CategoryFigures.None, 0));
            }
        }

        return rows;
    }

    /// <summary>
    /// One row's sums and bests while the tracks are read, each figure a field of its own: one set of figures per
    /// row at the end rather than a new one per track.
    /// </summary>
    private sealed class DayAccumulator
    {
        private int _tracks;
        private int _suspect;
        private TimeSpan _timeOnWater;
        private double? _twoSeconds;
        private double? _tenSeconds;
        private double? _fiveByTenSeconds;
        private double? _fiveHundredMetres;
        private double? _nauticalMile;
        private double? _thirtyMinutes;
        private double? _oneHour;
        private double? _alpha500;
        private double? _distanceKm;

        public void Add(DayTrack track)
        {
            _tracks++;
            _timeOnWater += track.TimeOnWater;
            if (track.Figures is not { } f)
            {
                return;
            }

            _suspect += track.IsSuspect ? 1 : 0;
            _twoSeconds = Max(_twoSeconds, f.TwoSeconds);
            _tenSeconds = Max(_tenSeconds, f.TenSeconds);
            _fiveByTenSeconds = Max(_fiveByTenSeconds, f.FiveByTenSeconds);
            _fiveHundredMetres = Max(_fiveHundredMetres, f.FiveHundredMetres);
            _nauticalMile = Max(_nauticalMile, f.NauticalMile);
            _thirtyMinutes = Max(_thirtyMinutes, f.ThirtyMinutes);
            _oneHour = Max(_oneHour, f.OneHour);
            _alpha500 = Max(_alpha500, f.Alpha500);
            _distanceKm = Sum(_distanceKm, f.DistanceKm);
        }

        public DayResultRow ToRow(RosterEntry entry) =>
            new(entry, _tracks, new CategoryFigures(_twoSeconds, _tenSeconds, _fiveByTenSeconds, _fiveHundredMetres, _nauticalMile,
                _thirtyMinutes, _oneHour, _alpha500, _distanceKm, _timeOnWater), _suspect);

        private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

        private static double? Sum(double? a, double? b) => a is null ? b : b is null ? a : a.Value + b.Value;
    }
}
