namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>What <see cref="OaoReader"/> does with a frame whose checksum is wrong (§3, §10).</summary>
internal enum OaoChecksumPolicy
{
    /// <summary>Skip the frame and report it as an <see cref="OaoAnomalyKind.BadChecksum"/> anomaly (the default).</summary>
    SkipFrame = 0,

    /// <summary>Refuse the whole file: <see cref="OaoFormatException"/> with the frame's offset.</summary>
    Reject,

    /// <summary>Do not verify checksums (some older ESP-GPS logs need this); resynchronising still requires them.</summary>
    Ignore,
}
