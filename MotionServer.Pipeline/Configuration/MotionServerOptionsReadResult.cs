namespace MotionServer.Pipeline.Configuration;

/// <summary>The outcome of <see cref="MotionServerOptionsReader.Read"/>: the options, and every problem found.</summary>
/// <param name="Options">The settings read; only to be used when <see cref="Problems"/> is empty.</param>
/// <param name="Problems">Every unknown key, malformed value and out-of-range value.</param>
internal sealed record MotionServerOptionsReadResult(MotionServerOptions Options, IReadOnlyList<SettingsProblem> Problems)
{
    /// <summary>True when the settings can be used.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>Renamed keys used under their old name: read as the new one, each to be logged as a warning.</summary>
    public IReadOnlyList<SettingsProblem> Warnings { get; init; } = [];
}
