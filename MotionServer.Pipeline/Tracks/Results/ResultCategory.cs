namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>The speed categories of a track's results (docs/results.md), in the order people read them.</summary>
internal enum ResultCategory
{
    /// <summary>Best 2 s.</summary>
    TwoSeconds,

    /// <summary>Best 10 s.</summary>
    TenSeconds,

    /// <summary>Mean of the best 10 s of five runs.</summary>
    FiveByTenSeconds,

    /// <summary>Best 500 m.</summary>
    FiveHundredMetres,

    /// <summary>Best nautical mile.</summary>
    NauticalMile,

    /// <summary>Best 30 minutes.</summary>
    ThirtyMinutes,

    /// <summary>Best hour.</summary>
    OneHour,

    /// <summary>Best alpha 500.</summary>
    Alpha500,
}
