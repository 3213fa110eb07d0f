using MotionServer.Pipeline.Roster;

namespace MotionServer.Pipeline.Tests.Support;

/// <summary>Roster edits as an event's staff make them.</summary>
internal static class MotionRosters
{
    /// <summary>The same roster with every row's File ID corrected to <paramref name="fileId"/>.</summary>
    public static MotionRoster WithFileId(MotionRoster roster, string fileId) =>
        MotionRoster.Create(roster.DeviceIds.SelectMany(roster.EntriesFor).Select(e => e with { FileId = fileId }));
}
