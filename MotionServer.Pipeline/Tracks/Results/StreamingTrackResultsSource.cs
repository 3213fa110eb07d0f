using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// The server's <see cref="ITrackResultsSource"/>: the verifier walks the file once, and the results calculator reads the
/// same frames alongside (an <see cref="Oao.IOaoFrameSink"/>), so a track is read once whatever is computed from it, in
/// memory that does not grow with the track.
/// </summary>
/// <param name="rules">The quality rules of the filtered figures (<c>MotionServer:Results</c>).</param>
internal sealed class StreamingTrackResultsSource(ResultRules rules) : ITrackResultsSource
{
    /// <summary>By the rules' defaults.</summary>
    public static StreamingTrackResultsSource Default { get; } = new(ResultRules.Default);

    public CheckedTrack Check(string path, TrackFigures? claims, CancellationToken cancellationToken = default)
    {
        using var results = new TrackResultsCalculator(rules) { FrameBound = TrackResultsCalculator.ForFileOf(LengthOf(path)) };
        var verdict = TrackVerifier.VerifyFileOrReport(path, claims, results, cancellationToken);
        return new CheckedTrack(verdict, results.Finish()); // of the frames that were read, as the verdict's figures are
    }

    /// <summary>The file's length, or unbounded when it cannot be read (the verifier then says why).</summary>
    private static long LengthOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return long.MaxValue;
        }
    }
}
