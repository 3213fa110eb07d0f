using System.Net;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Download;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Download;

public sealed class TrackDownloaderTests : IDisposable
{
    private const int Size = 150_000;
    private static readonly Uri Source = new("http://127.0.0.9/logs/1.oao");
    private static readonly byte[] Track = Bytes(Size, seed: 1);

    /// <summary>A good copy already at the final name (downloaded by an earlier run): a failed transfer must not touch it.</summary>
    private static readonly byte[] EarlierCopy = Bytes(1_000, seed: 2);

    private readonly TemporaryFolder _folder = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly List<long> _progress = [];

    public TrackDownloaderTests() => FinalPath = _folder.Combine("gpslogs", "20251012", "F817_817_20251012_110209.oao");

    public static TheoryData<string> Failures =>
    [
        "the device answers HTTP 404",
        "its Content-Length is not the size logs.json announced",
        "the body ends short of its Content-Length",
        "the body ends short, no Content-Length",
        "the body runs past the announced size",
        "the connection is reset mid-body",
        "the connection is refused",
        "the device never answers",
        "the device stops sending mid-body",
        "the transfer trickles below the minimum rate",
    ];

    private string FinalPath { get; }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CompleteBody_EndsAtItsFinalName_WithNoPartialFileLeft_AndProgressReported()
    {
        var device = new StubDevice(StubDevice.Track(Track));

        var result = await DownloadAsync(device);

        result.Should().Be(new TransferResult.Completed(Size));
        File.ReadAllBytes(FinalPath).Should().Equal(Track);
        FilesLeft().Should().Equal(FinalPath);
        _progress.Should().Equal(50_000, 100_000, 150_000);
        var request = device.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be(HttpMethod.Get);
        request.RequestUri.Should().Be(Source);
        request.Headers.Accept.Select(a => a.MediaType).Should().Equal("application/octet-stream");
    }

    [Fact]
    public async Task CompleteBody_ReplacesWhatWasAtTheFinalName()
    {
        WriteEarlierCopy();

        var result = await DownloadAsync(new StubDevice(StubDevice.Track(Track)));

        result.Should().BeOfType<TransferResult.Completed>();
        File.ReadAllBytes(FinalPath).Should().Equal(Track);
        FilesLeft().Should().Equal(FinalPath);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task FailedTransfer_GivesItsReason_LeavesNoPartialFile_AndNeverTouchesTheCopyAlreadyThere(string failure)
    {
        WriteEarlierCopy();
        var (device, options, expected) = Scenario(failure);

        var result = await DownloadAsync(device, options);

        result.Should().Be(expected);
        File.ReadAllBytes(FinalPath).Should().Equal(EarlierCopy);
        FilesLeft().Should().Equal(FinalPath);
    }

    [Theory]
    [InlineData("while it waits for the answer")]
    [InlineData("mid-body")]
    public async Task Abandoned_IsCancelled_LeavesNoPartialFile_AndNeverTouchesTheCopyAlreadyThere(string when)
    {
        WriteEarlierCopy();
        using var abandon = new CancellationTokenSource();
        var device = new StubDevice(when == "mid-body"
            ? StubDevice.Answer(new ScriptedBody(Track[..50_000], BodyEnding.Silence), Size)
            : StubDevice.Silence(onRequest: abandon.Cancel));

        var result = await DownloadAsync(device, onProgress: _ => abandon.Cancel(), cancellationToken: abandon.Token);

        result.Should().Be(new TransferResult.Cancelled());
        File.ReadAllBytes(FinalPath).Should().Equal(EarlierCopy);
        FilesLeft().Should().Equal(FinalPath);
    }

    [Fact]
    public async Task FailedTransfer_WithNothingThereBefore_LeavesNoFileAtAll()
    {
        var result = await DownloadAsync(new StubDevice(StubDevice.Answer(new ScriptedBody(Track[..100_000], BodyEnding.Reset), Size)));

        result.Should().BeOfType<TransferResult.Failed>();
        FilesLeft().Should().BeEmpty();
    }

    [Fact]
    public async Task DateFolderThatCannotBeCreated_ThrowsIOException_BeforeAskingTheDevice()
    {
        // A file stands where the date folder goes. The download stage turns the exception into this track's failure.
        Directory.CreateDirectory(_folder.Combine("gpslogs"));
        File.WriteAllText(_folder.Combine("gpslogs", "20251012"), "not a folder");
        var device = new StubDevice(StubDevice.Track(Track));

        var download = () => DownloadAsync(device);

        await download.Should().ThrowAsync<IOException>();
        device.Requests.Should().BeEmpty();
        FilesLeft().Should().Equal(_folder.Combine("gpslogs", "20251012"));
    }

    private (StubDevice Device, DownloadOptions Options, TransferResult Expected) Scenario(string failure)
    {
        var options = new DownloadOptions();
        var quickTimeout = new DownloadOptions { RequestTimeout = TimeSpan.FromMilliseconds(200) };
        return failure switch
        {
            "the device answers HTTP 404" => (
                new StubDevice(StubDevice.Status(HttpStatusCode.NotFound)), options,
                new TransferResult.Failed("the device answered HTTP 404", DeviceUnreachable: false)),
            "its Content-Length is not the size logs.json announced" => (
                new StubDevice(StubDevice.Answer(new ScriptedBody(Track[..140_000], BodyEnding.End), 140_000)), options,
                new TransferResult.Failed("the device sends 140000 bytes but announced 150000 in logs.json", DeviceUnreachable: false)),
            "the body ends short of its Content-Length" => (
                new StubDevice(StubDevice.Answer(new ScriptedBody(Track[..120_000], BodyEnding.End), Size)), options,
                new TransferResult.Failed("the transfer ended after 120000 of 150000 bytes", DeviceUnreachable: true)),
            "the body ends short, no Content-Length" => (
                new StubDevice(StubDevice.Answer(new ScriptedBody(Track[..120_000], BodyEnding.End), contentLength: null)), options,
                new TransferResult.Failed("the transfer ended after 120000 of 150000 bytes", DeviceUnreachable: true)),
            "the body runs past the announced size" => (
                new StubDevice(StubDevice.Answer(new ScriptedBody([.. Track, .. Bytes(10_000, seed: 3)], BodyEnding.End), contentLength: null)), options,
                new TransferResult.Failed("the device sent more than the 150000 bytes it announced", DeviceUnreachable: false)),
            "the connection is reset mid-body" => (
                new StubDevice(StubDevice.Answer(new ScriptedBody(Track[..100_000], BodyEnding.Reset), Size)), options,
                new TransferResult.Failed($"transfer broke: {ScriptedBody.ResetMessage}", DeviceUnreachable: true)),
            "the connection is refused" => (
                new StubDevice(StubDevice.Refuse()), options,
                new TransferResult.Failed("request failed: ConnectionRefused", DeviceUnreachable: true)),
            "the device never answers" => (
                new StubDevice(StubDevice.Silence()), quickTimeout,
                new TransferResult.Failed("no data for 0.2 s", DeviceUnreachable: true)),
            "the device stops sending mid-body" => (
                new StubDevice(StubDevice.Answer(new ScriptedBody(Track[..50_000], BodyEnding.Silence), Size)), quickTimeout,
                new TransferResult.Failed("no data for 0.2 s", DeviceUnreachable: true)),
            // 100 bytes every 11 s: after three reads, 300 bytes over 33 s, far below 1024 bytes/s over a 30 s window.
            "the transfer trickles below the minimum rate" => (
                new StubDevice(StubDevice.Answer(new ScriptedBody(Track, BodyEnding.End, chunk: 100, beforeEachRead: () => _clock.Advance(TimeSpan.FromSeconds(11))), Size)),
                new DownloadOptions { RequestTimeout = TimeSpan.FromSeconds(30), MinBytesPerSecond = 1024 },
                new TransferResult.Failed("transfer stalled: 9 bytes/s over 30 s (minimum 1024)", DeviceUnreachable: false)),
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "no such scenario"),
        };
    }

    private async Task<TransferResult> DownloadAsync(StubDevice device, DownloadOptions? options = null, Action<long>? onProgress = null, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient(device);
        var downloader = new TrackDownloader(client, options ?? new DownloadOptions(), _clock);
        return await downloader.DownloadAsync(Source, Size, FinalPath, received =>
        {
            lock (_progress)
            {
                _progress.Add(received);
            }

            onProgress?.Invoke(received);
        }, cancellationToken).WaitAsync(Patience.Timeout, CancellationToken.None); // a hung download fails the test, whatever the token
    }

    private void WriteEarlierCopy()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FinalPath)!);
        File.WriteAllBytes(FinalPath, EarlierCopy);
    }

    /// <summary>Every file under the folder, hidden ones (partial files) included.</summary>
    private string[] FilesLeft() => Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories);

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
