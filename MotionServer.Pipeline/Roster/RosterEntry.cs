namespace MotionServer.Pipeline.Roster;

/// <summary>One roster row: who wears which device on which days.</summary>
public sealed record RosterEntry
{
    /// <summary>The device id (the <c>&lt;id&gt;</c> of <c>motion-&lt;id&gt;</c>); always positive.</summary>
    public required int MotionId { get; init; }

    /// <summary>First day covered, inclusive, in the event's local dates.</summary>
    public required DateOnly StartDate { get; init; }

    /// <summary>Last day covered, inclusive.</summary>
    public required DateOnly EndDate { get; init; }

    /// <summary>The competitor's file id, the first part of every track name (letters, digits, '-' and '_').</summary>
    public required string FileId { get; init; }

    /// <summary>Competitor's first name.</summary>
    public string FirstName { get; init; } = "";

    /// <summary>Competitor's family name.</summary>
    public string FamilyName { get; init; } = "";

    /// <summary>The event's entrant id, as given.</summary>
    public string EntrantId { get; init; } = "";

    /// <summary>Craft type (e.g. Sailboard), as given.</summary>
    public string CraftType { get; init; } = "";

    /// <summary>The roster file line this row came from (0 when given in code).</summary>
    public int Line { get; init; }

    /// <summary>"First Family", trimmed.</summary>
    public string CompetitorName => $"{FirstName} {FamilyName}".Trim();

    /// <summary>True when the row covers <paramref name="date"/> (both ends inclusive).</summary>
    public bool Covers(DateOnly date) => date >= StartDate && date <= EndDate;
}
