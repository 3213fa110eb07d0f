namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>How <see cref="OaoReader"/> treats bad data.</summary>
internal sealed record OaoReaderOptions
{
    /// <summary>The defaults: skip bad frames, resynchronise on unknown modes. Reading never throws on bad data.</summary>
    public static OaoReaderOptions Default { get; } = new();

    /// <summary>What to do with a frame whose checksum is wrong. Default <see cref="OaoChecksumPolicy.SkipFrame"/>.</summary>
    public OaoChecksumPolicy ChecksumPolicy { get; init; } = OaoChecksumPolicy.SkipFrame;

    /// <summary>What to do on an unknown mode. Default <see cref="OaoUnknownModePolicy.Resynchronise"/>.</summary>
    public OaoUnknownModePolicy UnknownModePolicy { get; init; } = OaoUnknownModePolicy.Resynchronise;
}
