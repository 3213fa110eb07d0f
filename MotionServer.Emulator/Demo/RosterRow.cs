namespace MotionServer.Emulator.Demo;

/// <summary>One row of the event's roster (<c>config/motions.csv</c>).</summary>
internal sealed record RosterRow
{
    /// <summary><c>Entrant ID</c>.</summary>
    public required int EntrantId { get; init; }

    /// <summary><c>Tally</c>.</summary>
    public required int Tally { get; init; }

    /// <summary><c>Motion ID</c> (0: a placeholder row).</summary>
    public required int MotionId { get; init; }

    /// <summary><c>Start Date</c>.</summary>
    public required DateOnly StartDate { get; init; }

    /// <summary><c>End Date</c> (inclusive).</summary>
    public required DateOnly EndDate { get; init; }

    /// <summary><c>File ID</c>, e.g. <c>ABC801XYZ</c>.</summary>
    public required string FileId { get; init; }

    /// <summary><c>First Name</c>.</summary>
    public string FirstName { get; init; } = "";

    /// <summary><c>Family Name</c>.</summary>
    public string FamilyName { get; init; } = "";

    /// <summary><c>Craft Type</c>.</summary>
    public string CraftType { get; init; } = "Sailboard";

    /// <summary><c>Class</c>.</summary>
    public string Class { get; init; } = "";

    /// <summary><c>Status</c>.</summary>
    public string Status { get; init; } = "Pro Fleet";

    /// <summary><c>Entry Type</c>.</summary>
    public string EntryType { get; init; } = "All Week";
}
