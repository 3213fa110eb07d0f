using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// Two of a device's logs that would get the same local name (the same local start second, or starts that differ by
/// exactly the difference of their time zones) are both kept, under distinct names that stay the same at every
/// reconnection. One keeps the plain name: the log the ledger already records under it, otherwise the one that started
/// first (then the smaller path). Every other one is named by <see cref="TrackName.ForSameSecond"/>, from its own path.
/// </summary>
internal static class SameSecondNames
{
    public static IEnumerable<(DeviceLog Log, TrackName Name)> Resolve(IReadOnlyList<(DeviceLog Log, TrackName Name)> planned, IReadOnlyDictionary<string, LedgerEntry> ledger)
    {
        foreach (var group in planned.GroupBy(p => p.Name.FileName, StringComparer.Ordinal))
        {
            if (!group.Skip(1).Any())
            {
                yield return group.First();
                continue;
            }

            string? recorded = ledger.GetValueOrDefault(group.Key)?.MotionFile;
            var plain = group
                .OrderBy(p => string.Equals(p.Log.File, recorded, StringComparison.Ordinal) ? 0 : 1)
                .ThenBy(p => p.Log.StartDate)
                .ThenBy(p => p.Log.File, StringComparer.Ordinal)
                .First();
            foreach (var item in group)
            {
                yield return ReferenceEquals(item.Log, plain.Log) ? item : (item.Log, item.Name.ForSameSecond(item.Log.File));
            }
        }
    }
}
