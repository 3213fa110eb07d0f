namespace MotionServer.Pipeline.Dashboard;

/// <summary>One downloaded track as the tracks page shows it.</summary>
internal sealed class TrackView
{
    /// <summary>Local start time (the device's time zone), <c>11:02:09</c>.</summary>
    public required string Start { get; init; }

    /// <summary>The device's host name.</summary>
    public required string Hostname { get; init; }

    /// <summary>The competitor, or "—".</summary>
    public required string Competitor { get; init; }

    /// <summary>Local file name.</summary>
    public required string FileName { get; init; }

    /// <summary>Recording length, e.g. <c>5 h 54 min</c>.</summary>
    public required string Duration { get; init; }

    /// <summary>Distance, e.g. <c>25.2 km</c>.</summary>
    public required string Distance { get; init; }

    /// <summary>Best 500 m speed in knots, e.g. <c>14.8</c>.</summary>
    public required string Best500m { get; init; }

    /// <summary>File size, e.g. <c>0.9 MiB</c>.</summary>
    public required string Size { get; init; }

    /// <summary>Best 2 s speed in knots, e.g. <c>15.1</c> (verified from the frames), or "—" when not verified.</summary>
    public string Best2s { get; init; } = DisplayText.Unknown;

    /// <summary>Best 10 s speed in knots, e.g. <c>14.9</c> (verified from the frames), or "—" when not verified.</summary>
    public string Best10s { get; init; } = DisplayText.Unknown;

    /// <summary><c>valid</c>, <c>damaged</c>, or <c>unverified</c> (downloaded before verification existed).</summary>
    public string Verdict { get; init; } = "unverified";

    /// <summary>What is wrong with a damaged track, or "".</summary>
    public string Defects { get; init; } = "";

    /// <summary>True when the rules find the track suspect.</summary>
    public bool Suspect { get; init; }

    /// <summary>Why it is suspect (one sentence each, <c> | </c> between two), or "".</summary>
    public string Reasons { get; init; } = "";

    /// <summary>Best 2 s by the rules in knots, two decimals, e.g. <c>22.60</c>, or "—".</summary>
    public string Rules2s { get; init; } = DisplayText.Unknown;

    /// <summary>Best 10 s by the rules in knots, or "—".</summary>
    public string Rules10s { get; init; } = DisplayText.Unknown;

    /// <summary>Best 500 m by the rules in knots, or "—".</summary>
    public string Rules500m { get; init; } = DisplayText.Unknown;
}
