using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Host.Results;

/// <summary>
/// A track file's results: its frames, as the reader finds them, fed to a results calculator in one pass. The one
/// place the command meets the calculator, so that the command's tests can hand it results of their own.
/// </summary>
internal static class TrackResultsReader
{
    /// <summary>Reads <paramref name="path"/> and computes its results with a new calculator.</summary>
    /// <exception cref="IOException">The file cannot be read (missing, locked …).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read (or is a folder).</exception>
    public static TrackResults Read(string path) => Read(path, NewCalculator);

    /// <summary>
    /// Walks <paramref name="path"/> once and feeds its valid header and GNSS frames, in file order, to the sink a new
    /// calculator from <paramref name="newCalculator"/> holds; then asks the calculator for the results.
    /// </summary>
    internal static TrackResults Read(string path, Func<(IOaoFrameSink Sink, Func<TrackResults> Finish)> newCalculator)
    {
        var (sink, finish) = newCalculator();
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0))
        {
            // One streaming pass: memory does not grow with the file, however long the track.
            new OaoFrameWalker(OaoReaderOptions.Default, sink, new OaoAnomalyLog()).Walk(file);
        }

        return finish();
    }

    /// <summary>A calculator for one file, by the rules' defaults.</summary>
    private static (IOaoFrameSink Sink, Func<TrackResults> Finish) NewCalculator()
    {
        var calculator = new TrackResultsCalculator(ResultRules.Default);
        return (calculator, calculator.Finish);
    }
}
