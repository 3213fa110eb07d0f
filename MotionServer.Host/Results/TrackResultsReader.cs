using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Host.Results;

/// <summary>
/// A track file's results: its frames, as the reader finds them, fed to a results calculator in one pass. The one
/// place the command meets the calculator, so that the command's tests can hand it results of their own.
/// </summary>
internal static class TrackResultsReader
{
    /// <summary>Reads <paramref name="path"/> and computes its results.</summary>
    /// <exception cref="IOException">The file cannot be read (missing, locked, a folder …).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static TrackResults Read(string path)
    {
        var read = OaoReader.Read(File.ReadAllBytes(path));
        var calculator = new PendingCalculator(); // wired to TrackResultsCalculator at merge
        foreach (var header in read.Headers)
        {
            calculator.OnHeader(header);
        }

        foreach (var frame in read.Frames)
        {
            calculator.OnGnssFrame(frame);
        }

        return calculator.Finish();
    }

    /// <summary>Placeholder until the calculator is merged: a track without results.</summary>
    private sealed class PendingCalculator : IOaoFrameSink
    {
        private readonly TrackResults _results = TrackResults.None;

        public void OnHeader(OaoHeader header)
        {
        }

        public void OnGnssFrame(in OaoGnssFrame frame)
        {
        }

        public TrackResults Finish() => _results;
    }
}
