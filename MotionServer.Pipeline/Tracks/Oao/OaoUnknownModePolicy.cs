namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>What <see cref="OaoReader"/> does on a mode it does not know, whose length it therefore cannot know (§10).</summary>
internal enum OaoUnknownModePolicy
{
    /// <summary>
    /// Scan forward for the next offset holding a known mode and a valid checksum, and report the bytes skipped as a
    /// <see cref="OaoAnomalyKind.Resynchronised"/> anomaly (the default).
    /// </summary>
    Resynchronise = 0,

    /// <summary>Refuse the whole file: <see cref="OaoFormatException"/> with the offset.</summary>
    Reject,
}
