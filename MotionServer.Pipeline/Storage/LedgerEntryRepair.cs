using System.Globalization;
using MotionServer.Pipeline.Devices;

namespace MotionServer.Pipeline.Storage;

/// <summary>
/// Checks a ledger entry read from disk against the ranges a device's values are held to today. An older server saved
/// whatever a device sent (a duration of 10^15 ms), and a value like that must not stop a start or a dashboard tick:
/// a figure out of range is repaired to 0 (figures are only shown); a size out of range makes the entry refused, as it
/// can be neither checked against a file nor fetched — the next inspection plans the track again from the device's list.
/// </summary>
internal static class LedgerEntryRepair
{
    /// <returns>The entry to keep (null: refuse it), and what was wrong (empty: nothing).</returns>
    public static LedgerEntry? Repair(LedgerEntry entry, List<string> problems)
    {
        if (entry.Size is < 0 or > DeviceValueRanges.MaxSize)
        {
            problems.Add(Say("size", entry.Size, "refused"));
            return null;
        }

        return entry with
        {
            StartDate = Figure("start_date", entry.StartDate, DeviceValueRanges.LatestDate, problems),
            EndDate = Figure("end_date", entry.EndDate, DeviceValueRanges.LatestDate, problems),
            Duration = Figure("duration", entry.Duration, DeviceValueRanges.MaxDuration, problems),
            Distance = Figure("distance", entry.Distance, DeviceValueRanges.MaxDistance, problems),
            Best2s = Figure("2s_best", entry.Best2s, DeviceValueRanges.MaxSpeed, problems),
            Best10s = Figure("10s_best", entry.Best10s, DeviceValueRanges.MaxSpeed, problems),
            Best500m = Figure("500m_best", entry.Best500m, DeviceValueRanges.MaxSpeed, problems),
        };
    }

    private static long Figure(string field, long value, long max, List<string> problems)
    {
        if (value >= 0 && value <= max)
        {
            return value;
        }

        problems.Add(Say(field, value, "set to 0"));
        return 0;
    }

    private static string Say(string field, long value, string outcome) =>
        string.Create(CultureInfo.InvariantCulture, $"{field} {value} is out of range: {outcome}");
}
