using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// Checks a track on disk in one pass: its verdict (<see cref="TrackVerifier"/>) and its results by the speed-sailing
/// rules. The one place the download and the inspection stages get a track's results from, so that tests can give
/// results of their own and the calculator is wired in one place (<see cref="StreamingTrackResultsSource"/>).
/// </summary>
internal interface ITrackResultsSource
{
    /// <summary>Never throws: a file that cannot be read is a verdict saying so, with <see cref="TrackResults.None"/>.</summary>
    /// <param name="path">The track's file.</param>
    /// <param name="claims">The device's logs.json figures for it, or null when unknown.</param>
    /// <param name="cancellationToken">Stops the check when the server stops (<see cref="OperationCanceledException"/>).</param>
    CheckedTrack Check(string path, TrackFigures? claims, CancellationToken cancellationToken = default);
}

/// <summary>What checking a track found.</summary>
/// <param name="Verdict">Whether the file is intact, with the figures from its frames.</param>
/// <param name="Results">Its results by the rules.</param>
internal sealed record CheckedTrack(TrackVerdict Verdict, TrackResults Results);
