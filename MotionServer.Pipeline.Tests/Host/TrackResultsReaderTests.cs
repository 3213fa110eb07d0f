using MotionServer.Emulator.Tracks;
using MotionServer.Host.Results;
using MotionServer.Pipeline.Tests.Support;
using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Tests.Host;

public sealed class TrackResultsReaderTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Notes what it is fed.</summary>
    private sealed class RecordingSink : IOaoFrameSink
    {
        public List<OaoHeader> Headers { get; } = [];

        public List<OaoGnssFrame> Frames { get; } = [];

        public void OnHeader(OaoHeader header) => Headers.Add(header);

        public void OnGnssFrame(in OaoGnssFrame frame) => Frames.Add(frame);
    }

    [Fact]
    public void Read_Track_FeedsTheHeadersThenEveryFrameInFileOrderAndReturnsTheCalculatorsResults()
    {
        var track = SyntheticTrack.Generate(new SyntheticTrackSpec(817, "N817", new DateTimeOffset(2025, 10, 12, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(2)) { DevicePadding = true });
        string path = Path.Combine(_temp.Path, "track.oao");
        File.WriteAllBytes(path, track.Content);
        var sink = new RecordingSink();
        var results = new TrackResults(CategoryFigures.None with { TwoSeconds = 20 }, CategoryFigures.None, []);

        var read = TrackResultsReader.Read(path, () => (sink, () => results));

        read.Should().BeSameAs(results);
        sink.Headers.Should().HaveCount(3, "the header and the device's two padding headers").And.AllSatisfy(h => h.Identifier.Should().Be(817));
        sink.Frames.Should().Equal(OaoReader.Read(track.Content).Frames);
        sink.Frames.Should().HaveCount(600);
    }

    [Fact]
    public void Read_MissingFile_ThrowsAnIOException()
    {
        var act = () => TrackResultsReader.Read(Path.Combine(_temp.Path, "missing.oao"));

        act.Should().Throw<IOException>();
    }
}
