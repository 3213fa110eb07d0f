using System.Net;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Emulator.Tracks;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Download;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.Tests.Support;
using MotionServer.Pipeline.Tests.Tracks.Verification;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Download;

public sealed class VerifyingDownloaderTests : IDisposable
{
    private static readonly Uri Source = new("http://127.0.0.9/logs/0001.oao");
    private static readonly GeneratedTrack Generated = SyntheticTrack.Generate(VerificationSamples.Spec(minutes: 2));
    private static readonly byte[] Good = Generated.Content;

    /// <summary>One GNSS frame's byte inverted: "bad checksum in frame …".</summary>
    private static readonly byte[] FlippedFrame = TrackDamage.Apply(Good, TrackDamageKind.FlippedByte);

    /// <summary>The header's checksum broken: another damage of the same length.</summary>
    private static readonly byte[] BrokenHeader = TrackDamage.Apply(Good, TrackDamageKind.BadHeaderChecksum);

    private readonly TemporaryFolder _folder = new();
    private readonly PlannedTrack _track;

    public VerifyingDownloaderTests()
    {
        var log = new DeviceLog
        {
            File = "/logs/0001.oao", Size = Generated.Size, StartDate = Generated.StartDate, EndDate = Generated.EndDate, Duration = Generated.Duration,
            Distance = Generated.Distance, Best2s = Generated.Best2s, Best10s = Generated.Best10s, Best500m = Generated.Best500m,
        };
        var name = TrackName.Create("ABC817", 817, new DateTime(2025, 10, 12, 11, 2, 9, DateTimeKind.Unspecified));
        _track = new PlannedTrack(name, log, _folder.Combine("gpslogs", name.DateFolder, name.FileName));
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Samples_DamagedCopiesHaveTheAnnouncedSize_AndDifferFromEachOther()
    {
        // Otherwise the tests below would test the length check, not verification.
        FlippedFrame.Should().HaveCount(Good.Length);
        BrokenHeader.Should().HaveCount(Good.Length);
        FlippedFrame.Should().NotEqual(BrokenHeader);
    }

    [Fact]
    public async Task ValidFirstCopy_IsCompleteAndValid_AndFetchedOnce()
    {
        var device = new StubDevice(StubDevice.Track(Good));

        var result = await DownloadAsync(device);

        var completed = result.Should().BeOfType<TransferResult.Completed>().Subject;
        completed.Bytes.Should().Be(Good.Length);
        completed.Verdict!.IsValid.Should().BeTrue(completed.Verdict.ToString());
        completed.Refetched.Should().BeFalse();
        device.Requests.Should().ContainSingle();
        File.ReadAllBytes(_track.FinalPath).Should().Equal(Good);
        FilesLeft().Should().Equal(_track.FinalPath);
    }

    [Fact]
    public async Task DamagedFirstCopy_IsFetchedOnceMore_AndAGoodSecondCopyReplacesIt()
    {
        var device = new StubDevice(StubDevice.Track(FlippedFrame), StubDevice.Track(Good));

        var result = await DownloadAsync(device);

        var completed = result.Should().BeOfType<TransferResult.Completed>().Subject;
        completed.Verdict!.IsValid.Should().BeTrue("the transfer had damaged the first copy: " + completed.Verdict);
        completed.Refetched.Should().BeTrue();
        device.Requests.Select(r => r.RequestUri).Should().Equal(Source, Source);
        File.ReadAllBytes(_track.FinalPath).Should().Equal(Good);
        FilesLeft().Should().Equal(_track.FinalPath);
    }

    [Fact]
    public async Task DamagedFirstCopy_ServedTheSameAgain_IsTheDevicesDamage_AndKeptWithItsVerdict()
    {
        var device = new StubDevice(StubDevice.Track(FlippedFrame), StubDevice.Track(FlippedFrame));

        var result = await DownloadAsync(device);

        var completed = result.Should().BeOfType<TransferResult.Completed>().Subject;
        completed.Verdict!.Word.Should().Be("damaged");
        completed.Verdict.DefectText.Should().StartWith("bad checksum in frame");
        completed.Refetched.Should().BeTrue();
        device.Requests.Should().HaveCount(2, "a track is fetched once more, never again and again");
        File.ReadAllBytes(_track.FinalPath).Should().Equal(FlippedFrame, "a track is never thrown away");
        FilesLeft().Should().Equal(_track.FinalPath);
    }

    [Fact]
    public async Task DamagedFirstCopy_SecondCopyDamagedOtherwise_ReplacesIt_WithItsOwnVerdict()
    {
        var device = new StubDevice(StubDevice.Track(FlippedFrame), StubDevice.Track(BrokenHeader));

        var result = await DownloadAsync(device);

        var completed = result.Should().BeOfType<TransferResult.Completed>().Subject;
        completed.Verdict!.Word.Should().Be("damaged");
        completed.Verdict.DefectText.Should().StartWith("bad checksum in the header frame at offset 0").And.NotContain("bad checksum in frame");
        completed.Refetched.Should().BeTrue();
        File.ReadAllBytes(_track.FinalPath).Should().Equal(BrokenHeader);
        FilesLeft().Should().Equal(_track.FinalPath);
    }

    [Theory]
    [InlineData("the device answers HTTP 503")]
    [InlineData("the connection is reset mid-body")]
    [InlineData("the server abandons it")]
    public async Task DamagedFirstCopy_SecondCopyCannotBeHad_KeepsTheFirst_AndTheTrackStaysOwed(string why)
    {
        using var abandon = new CancellationTokenSource();
        var device = new StubDevice(StubDevice.Track(FlippedFrame), why switch
        {
            "the device answers HTTP 503" => StubDevice.Status(HttpStatusCode.ServiceUnavailable),
            "the connection is reset mid-body" => StubDevice.Answer(new ScriptedBody(Good[..(Good.Length / 2)], BodyEnding.Reset), Good.Length),
            _ => StubDevice.Silence(onRequest: abandon.Cancel),
        });

        var result = await DownloadAsync(device, abandon.Token);

        // Only one fetch happened: not "fetched twice", and not complete; the copy stays at its final name.
        var kept = result.Should().BeOfType<TransferResult.DamagedKept>().Subject;
        kept.Verdict.DefectText.Should().StartWith("bad checksum in frame");
        kept.Refetch.Should().BeAssignableTo<TransferResult>().And.NotBeOfType<TransferResult.Completed>();
        (kept.Refetch is TransferResult.Cancelled).Should().Be(why == "the server abandons it");
        File.ReadAllBytes(_track.FinalPath).Should().Equal(FlippedFrame);
        FilesLeft().Should().Equal(_track.FinalPath);
    }

    [Fact]
    public async Task KeptDamagedCopy_NextVisitServesAGoodCopy_ReplacesIt()
    {
        WriteKeptCopy(FlippedFrame);
        var device = new StubDevice(StubDevice.Track(Good));

        var result = await DownloadAsync(device);

        var completed = result.Should().BeOfType<TransferResult.Completed>().Subject;
        completed.Verdict!.IsValid.Should().BeTrue(completed.Verdict.ToString());
        completed.Refetched.Should().BeTrue();
        device.Requests.Should().ContainSingle("the copy on disk is the first of the two fetches");
        File.ReadAllBytes(_track.FinalPath).Should().Equal(Good);
        FilesLeft().Should().Equal(_track.FinalPath);
    }

    [Fact]
    public async Task KeptDamagedCopy_NextVisitServesTheSame_IsFetchedTwice_AndKept()
    {
        WriteKeptCopy(FlippedFrame);
        var device = new StubDevice(StubDevice.Track(FlippedFrame));

        var result = await DownloadAsync(device);

        var completed = result.Should().BeOfType<TransferResult.Completed>().Subject;
        completed.Verdict!.DefectText.Should().StartWith("bad checksum in frame");
        completed.Refetched.Should().BeTrue();
        device.Requests.Should().ContainSingle();
        File.ReadAllBytes(_track.FinalPath).Should().Equal(FlippedFrame);
        FilesLeft().Should().Equal(_track.FinalPath);
    }

    [Fact]
    public async Task KeptDamagedCopy_NextVisitServesAWorseCopy_KeepsTheOneOnDisk()
    {
        // Flipped frame and broken header together: more defects than the copy on disk.
        byte[] worse = TrackDamage.Apply(FlippedFrame, TrackDamageKind.BadHeaderChecksum);
        WriteKeptCopy(FlippedFrame);
        var device = new StubDevice(StubDevice.Track(worse));

        var result = await DownloadAsync(device);

        var completed = result.Should().BeOfType<TransferResult.Completed>().Subject;
        completed.Verdict!.DefectText.Should().NotContain("header");
        completed.Refetched.Should().BeTrue();
        File.ReadAllBytes(_track.FinalPath).Should().Equal(FlippedFrame, "only a better copy replaces the one on disk");
        FilesLeft().Should().Equal(_track.FinalPath);
    }

    [Fact]
    public async Task KeptDamagedCopy_NextVisitFailsAgain_StillKeptAndOwed()
    {
        WriteKeptCopy(FlippedFrame);
        var device = new StubDevice(StubDevice.Status(HttpStatusCode.ServiceUnavailable));

        var result = await DownloadAsync(device);

        result.Should().BeOfType<TransferResult.DamagedKept>().Which.Refetch.Should().BeOfType<TransferResult.Failed>();
        File.ReadAllBytes(_track.FinalPath).Should().Equal(FlippedFrame);
        FilesLeft().Should().Equal(_track.FinalPath);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70_000)]
    public void SameContent_ComparesInChunks_AndFindsADifferenceAnywhere(int at)
    {
        string a = _folder.Combine("a.bin");
        string b = _folder.Combine("b.bin");
        byte[] bytes = [.. Enumerable.Range(0, 200_000).Select(i => (byte)i)];
        File.WriteAllBytes(a, bytes);
        File.WriteAllBytes(b, bytes);
        VerifyingDownloader.SameContent(a, b).Should().BeTrue();

        bytes[at] ^= 0xFF;
        File.WriteAllBytes(b, bytes);
        VerifyingDownloader.SameContent(a, b).Should().BeFalse();
    }

    private void WriteKeptCopy(byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_track.FinalPath)!);
        File.WriteAllBytes(_track.FinalPath, content);
    }

    [Fact]
    public async Task FailedFirstCopy_IsTheResult_AndNothingIsFetchedAgain()
    {
        var device = new StubDevice(StubDevice.Status(HttpStatusCode.InternalServerError));

        var result = await DownloadAsync(device);

        result.Should().Be(new TransferResult.Failed("the device answered HTTP 500", DeviceUnreachable: false));
        device.Requests.Should().ContainSingle();
        FilesLeft().Should().BeEmpty();
    }

    private async Task<TransferResult> DownloadAsync(StubDevice device, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient(device);
        var downloader = new VerifyingDownloader(new TrackDownloader(client, new DownloadOptions(), new FakeTimeProvider()));
        return await downloader.DownloadAsync(Source, _track, _ => { }, cancellationToken).WaitAsync(Patience.Timeout, CancellationToken.None);
    }

    /// <summary>Every file under the folder, hidden ones (partial files, second copies) included.</summary>
    private string[] FilesLeft() => Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories);
}
