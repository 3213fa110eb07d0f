using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Tests.Results;

/// <summary>Results, roster rows and ledgers made for the results tests.</summary>
internal static class ResultSamples
{
    public static readonly DateOnly Day = new(2025, 10, 12);

    public const string GlitchReason = "2 s 61.2 kn at 10:31:13 is a glitch (4 satellites, HDOP 99.99); by the rules 2 s is 22.6 kn";

    /// <summary>Results whose filtered 2 s is <paramref name="twoSeconds"/> (the others follow from it), suspect with the reasons given.</summary>
    public static TrackResults Outcome(double twoSeconds, double distanceKm = 10, double minutes = 60, params string[] reasons)
    {
        var figures = new CategoryFigures(twoSeconds, twoSeconds - 1, twoSeconds - 1.5, twoSeconds - 2, twoSeconds - 3, null, null, twoSeconds - 2.5,
            distanceKm, TimeSpan.FromMinutes(minutes));
        var device = figures with { TwoSeconds = reasons.Length > 0 ? 61.2 : twoSeconds };
        return new TrackResults(device, figures, [.. reasons.Select(r => new SuspectReason("2s", null, r))]);
    }

    public static RosterEntry Row(int id, string fileId, string first = "", string family = "", string craft = "Sailboard", DateOnly? start = null, DateOnly? end = null) => new()
    {
        MotionId = id,
        FileId = fileId,
        FirstName = first,
        FamilyName = family,
        CraftType = craft,
        EntrantId = $"E{id}",
        StartDate = start ?? Day,
        EndDate = end ?? Day,
    };

    /// <summary>A completed ledger entry of a track of <paramref name="fileId"/> on device <paramref name="id"/> starting at <paramref name="localStart"/>.</summary>
    public static (string FileName, LedgerEntry Entry) Completed(string fileId, int id, DateTime localStart, TrackResults? results)
    {
        var name = TrackName.Create(fileId, id, localStart);
        return (name.FileName, new LedgerEntry
        {
            MotionFile = $"/logs/{name.FileName}",
            LocalFile = EventFolder.RelativeTrackPath(name),
            Size = 1000,
            Duration = 3_600_000,
            Status = LedgerStatus.Completed,
            Results = results is null ? null : LedgerResults.From(results),
        });
    }

    /// <summary>Saves <paramref name="entries"/> as the ledger of <c>motion-&lt;id&gt;</c>.</summary>
    public static void SaveLedger(EventFolder folder, int id, params (string FileName, LedgerEntry Entry)[] entries) =>
        new LedgerStore(folder).Save($"motion-{id}", new DeviceLedger(entries.Select(e => KeyValuePair.Create(e.FileName, e.Entry))));

    public static DateTime At(int hour, int minute = 0) => Day.ToDateTime(new TimeOnly(hour, minute));
}
