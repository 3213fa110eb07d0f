using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// The server's <see cref="ITrackResultsSource"/>: the verifier walks the file once, and the results calculator reads the
/// same frames alongside (an <see cref="Oao.IOaoFrameSink"/>), so a track is read once whatever is computed from it.
/// </summary>
internal sealed class StreamingTrackResultsSource : ITrackResultsSource
{
    /// <summary>The one instance (it holds nothing).</summary>
    public static StreamingTrackResultsSource Instance { get; } = new();

    public CheckedTrack Check(string path, TrackClaims? claims)
    {
        // wired to TrackResultsCalculator at merge:
        //   var results = new TrackResultsCalculator(rules);
        //   var verdict = TrackVerifier.VerifyFileOrReport(path, claims, results);
        //   return new CheckedTrack(verdict, results.Finish());
        var verdict = TrackVerifier.VerifyFileOrReport(path, claims);
        return new CheckedTrack(verdict, TrackResults.None);
    }
}
