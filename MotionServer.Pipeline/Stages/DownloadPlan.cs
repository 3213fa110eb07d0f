namespace MotionServer.Pipeline.Stages;

/// <summary>What inspection decided a device owes.</summary>
/// <param name="Tracks">Tracks to fetch, newest first (today's sessions matter most to the results team), those whose last attempt failed last.</param>
/// <param name="Refusals">Tracks the device owes that can never be fetched as announced (e.g. beyond Limits:MaxTrackBytes).</param>
internal sealed record DownloadPlan(IReadOnlyList<PlannedTrack> Tracks, IReadOnlyList<string> Refusals);
