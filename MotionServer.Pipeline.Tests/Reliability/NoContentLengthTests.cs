using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Faults;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 9: bodies without a Content-Length (chunked, as some firmware sends them). The limits that the Content-Length
/// checks enforce up front are enforced while streaming too: a JSON document beyond Limits:MaxJsonBytes and a track body
/// longer than announced are refused; an honest chunked body is fetched, byte-identical.
/// </summary>
public sealed class NoContentLengthTests : ReliabilityTest
{
    [Fact]
    public async Task ChunkedBodies_AreFetched_ByteIdentical()
    {
        await using var fleet = await FleetBuilder.StartAsync([907], tracksPerDevice: 2, join: false);
        fleet[907].Faults.Add(DeviceFault.NoContentLength());
        await fleet.JoinAllAsync();
        await using var server = await StartAsync(fleet);

        await server.WaitForCompletedAsync(907, tracks: 2);

        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(fleet[907].BaseUri, "logs.json"), HttpCompletionOption.ResponseHeadersRead);
        response.Headers.TransferEncodingChunked.Should().BeTrue("the emulator really sent no Content-Length");
        response.Content.Headers.ContentLength.Should().BeNull();
        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
        Watch!.ShouldHaveSeenNoViolation();
    }

    [Fact]
    public async Task ChunkedJsonBeyondTheLimit_IsRefusedWhileStreaming()
    {
        await using var fleet = await FleetBuilder.StartAsync([908], tracksPerDevice: 1, join: false);
        using var chunked = fleet[908].Faults.Add(DeviceFault.NoContentLength());
        using var oversized = fleet[908].Faults.Add(DeviceFault.OversizedJson(100 * 1024, "/logs.json"));
        await fleet.JoinAllAsync();
        await using var server = await StartAsync(fleet, configure: o => o.Limits.MaxJsonBytes = 64 * 1024);

        var failed = await server.WaitForAsync(908, m => m.Status == MotionStatus.Failed);

        failed.LastError.Should().Be("logs.json is more than Limits:MaxJsonBytes (65536 bytes)");
        oversized.Dispose();
        await server.WaitForCompletedAsync(908, tracks: 1);
        Watch!.ShouldHaveSeenNoViolation();
    }

    [Fact]
    public async Task ChunkedJsonManyReadsLong_WithinTheLimit_IsReadWhole()
    {
        // 100 KB of logs.json in chunks: the read buffer doubles several times (from 16 KB) and must keep every byte.
        await using var fleet = await FleetBuilder.StartAsync([910], tracksPerDevice: 2, join: false);
        using var chunked = fleet[910].Faults.Add(DeviceFault.NoContentLength());
        using var large = fleet[910].Faults.Add(DeviceFault.OversizedJson(100 * 1024, "/logs.json"));
        await fleet.JoinAllAsync();
        await using var server = await StartAsync(fleet);

        await server.WaitForCompletedAsync(910, tracks: 2);

        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
        Watch!.ShouldHaveSeenNoViolation();
    }

    [Fact]
    public async Task ChunkedTrackLongerThanAnnounced_IsAFailedTransfer_NeverATrack()
    {
        await using var fleet = await FleetBuilder.StartAsync([909], tracksPerDevice: 1, join: false);
        using var chunked = fleet[909].Faults.Add(DeviceFault.NoContentLength());
        using var extra = fleet[909].Faults.Add(DeviceFault.ExtraBytes(1000));
        await fleet.JoinAllAsync();
        await using var server = await StartAsync(fleet);
        string name = ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)).Keys.Single();

        string line = await WaitForLogAsync(server, m => m.StartsWith($"motion-909 {name} failed - ", StringComparison.Ordinal));

        line.Should().EndWith($"the device sent more than the {fleet[909].Tracks[0].Size} bytes it announced");
        extra.Dispose();
        await server.WaitForCompletedAsync(909, tracks: 1);
        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
        Watch!.ShouldHaveSeenNoViolation();
    }
}
