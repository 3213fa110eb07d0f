namespace MotionServer.Pipeline.Dashboard;

/// <summary>One place of a category's top ten.</summary>
internal sealed class ResultsRankView
{
    /// <summary>1 to 10.</summary>
    public required int Rank { get; init; }

    /// <summary>The competitor from the roster, or the File ID when the row has no name.</summary>
    public required string Competitor { get; init; }

    /// <summary>The roster's File ID.</summary>
    public required string FileId { get; init; }

    /// <summary>The craft type, or "".</summary>
    public required string CraftType { get; init; }

    /// <summary>The figure by the rules, two decimals, e.g. <c>22.60</c>.</summary>
    public required string Figure { get; init; }

    /// <summary>True when one of the competitor's tracks that day is suspect.</summary>
    public required bool Suspect { get; init; }

    /// <summary>How many of the competitor's tracks that day are suspect.</summary>
    public required int SuspectTracks { get; init; }
}
