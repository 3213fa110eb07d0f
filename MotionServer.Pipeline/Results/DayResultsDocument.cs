using System.Globalization;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Results;

/// <summary>
/// <c>results/&lt;yyyyMMdd&gt;.json</c> (docs/results.md): the day, and one row per roster row covering it, in the CSV's
/// order. Figures with the contract's keys, two decimals or null.
/// </summary>
/// <param name="Date">The local day, <c>2025-10-12</c>.</param>
/// <param name="Rows">The roster rows of the day.</param>
internal sealed record DayResultsDocument(string Date, IReadOnlyList<DayResultsDocumentRow> Rows)
{
    /// <summary>The document of a day's rows.</summary>
    public static DayResultsDocument From(DateOnly date, IReadOnlyList<DayResultRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rows.Select(DayResultsDocumentRow.From).ToArray()); // sized once
    }
}

/// <summary>One roster row's day in <c>results/&lt;yyyyMMdd&gt;.json</c>.</summary>
/// <param name="FileId">The roster's File ID.</param>
/// <param name="MotionId">The device.</param>
/// <param name="FirstName">First name.</param>
/// <param name="FamilyName">Family name.</param>
/// <param name="EntrantId">The event's entrant id.</param>
/// <param name="CraftType">Craft type (the class the results page ranks by).</param>
/// <param name="Tracks">Completed tracks that day.</param>
/// <param name="TimeOnWater">Time on the water, whole seconds.</param>
/// <param name="SuspectTracks">How many of them are suspect.</param>
/// <param name="Figures">Each category's best by the rules; distance is the day's sum.</param>
internal sealed record DayResultsDocumentRow(
    string FileId,
    int MotionId,
    string FirstName,
    string FamilyName,
    string EntrantId,
    string CraftType,
    int Tracks,
    long TimeOnWater,
    int SuspectTracks,
    ResultFigures Figures)
{
    /// <summary>The JSON row of a table row.</summary>
    public static DayResultsDocumentRow From(DayResultRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var e = row.Entry;
        return new(e.FileId, e.MotionId, e.FirstName, e.FamilyName, e.EntrantId, e.CraftType, row.Tracks,
            Math.Max(0, (long)row.Best.TimeOnWater.TotalSeconds), row.SuspectTracks, ResultFigures.From(row.Best));
    }
}
