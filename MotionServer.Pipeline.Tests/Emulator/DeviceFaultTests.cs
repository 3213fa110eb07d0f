using System.Net;
using System.Net.Http;
using System.Text.Json;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Faults;
using MotionServer.Emulator.Fleet;
using MotionServer.Emulator.Transfers;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Emulator;

public sealed class DeviceFaultTests : IAsyncLifetime
{
    private const int Size = 100_000;
    private static readonly DateTimeOffset Start = new(2025, 10, 12, 10, 2, 9, TimeSpan.Zero);
    private EmulatedFleet _fleet = null!;
    private EmulatedDevice _device = null!;
    private EmulatedTrack _track = null!;
    private EmulatedTrack _other = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _track = TestTracks.Make(817, Start, Size, seed: 1);
        _other = TestTracks.Make(817, Start.AddHours(2), Size, seed: 2);
        _fleet = EmulatedFleet.Create([new DeviceSetup(DeviceProfile.Create(817), [_track, _other])]);
        _device = _fleet[817];
        _client = EmulatorHttp.Client();
        await _fleet.JoinAllAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fleet.DisposeAsync();
    }

    private Uri Url(string path) => new(_device.BaseUri, path);

    [Fact]
    public async Task AbortAfter_TrackRequest_DropsConnectionAfterKBytes()
    {
        _device.Faults.Add(DeviceFault.AbortAfter(10_000));
        var ended = Signal.Progress(_device, p => p.Outcome != TransferOutcome.InProgress);

        using var response = await _client.GetAsync(Url(_track.Path), HttpCompletionOption.ResponseHeadersRead);
        var read = await BodyRead.ReadAsync(response);

        response.Content.Headers.ContentLength.Should().Be(Size);
        read.Error.Should().NotBeNull();
        read.Bytes.Length.Should().BeInRange(1, 10_000);
        read.Bytes.Should().Equal(_track.Content[..read.Bytes.Length].ToArray());
        var end = await ended;
        end.Outcome.Should().Be(TransferOutcome.Aborted);
        end.BytesSent.Should().Be(10_000);
    }

    [Fact]
    public async Task AbortAfter_OnePathOnly_LeavesOtherTracksWhole()
    {
        _device.Faults.Add(DeviceFault.AbortAfter(10).On(_track.Path));

        byte[] other = await _client.GetByteArrayAsync(Url(_other.Path));
        var broken = async () => await _client.GetByteArrayAsync(Url(_track.Path));

        other.Should().Equal(_other.Content.ToArray());
        await broken.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public async Task StallAfter_TrackRequest_SendsKBytesThenHangsUntilTheClientGivesUp()
    {
        _device.Faults.Add(DeviceFault.StallAfter(5_000));
        var stalled = Signal.Progress(_device, p => p.Outcome == TransferOutcome.Stalled);
        var served = Signal.Served(_device, r => r.Path == _track.Path);

        using (var response = await _client.GetAsync(Url(_track.Path), HttpCompletionOption.ResponseHeadersRead))
        {
            await using var stream = await response.Content.ReadAsStreamAsync();
            byte[] first = await BodyRead.ReadExactlyAsync(stream, 5_000);
            (await stalled).BytesSent.Should().Be(5_000);
            var more = async () => await stream.ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromMilliseconds(300));

            first.Should().Equal(_track.Content[..5_000].ToArray());
            await more.Should().ThrowAsync<TimeoutException>("the device sends nothing more");
        }

        var request = await served;
        request.Outcome.Should().Be(TransferOutcome.Stalled);
        request.BytesSent.Should().Be(5_000);
    }

    [Fact]
    public async Task StallAfterZero_OnInfoJson_MakesTheRequestTimeOut()
    {
        _device.Faults.Add(DeviceFault.StallAfter(0).On(DeviceRoutes.Info));
        using var impatient = EmulatorHttp.Client(TimeSpan.FromMilliseconds(500));

        var info = async () => await impatient.GetByteArrayAsync(Url(DeviceRoutes.Info));

        await info.Should().ThrowAsync<TaskCanceledException>();
        (await _client.GetByteArrayAsync(Url(DeviceRoutes.Settings))).Should().NotBeEmpty();
    }

    [Fact]
    public async Task HttpError_OnLogsJson_Answers500ThereOnly()
    {
        _device.Faults.Add(DeviceFault.HttpError(DeviceRoutes.Logs));

        using var logs = await _client.GetAsync(Url(DeviceRoutes.Logs));
        using var info = await _client.GetAsync(Url(DeviceRoutes.Info));

        logs.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        info.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HttpError_Once_AppliesToTheNextRequestOnly()
    {
        _device.Faults.Add(DeviceFault.HttpError().Once());

        using var first = await _client.GetAsync(Url(_track.Path));
        using var second = await _client.GetAsync(Url(_track.Path));

        first.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        _device.Faults.Active.Should().BeEmpty();
    }

    [Fact]
    public async Task HttpError_ForNextTwo_AppliesToTwoRequestsThenStops()
    {
        _device.Faults.Add(DeviceFault.HttpError(statusCode: 503).ForNext(2));

        var codes = new List<HttpStatusCode>();
        for (int i = 0; i < 3; i++)
        {
            using var response = await _client.GetAsync(Url(DeviceRoutes.Info));
            codes.Add(response.StatusCode);
        }

        codes.Should().Equal(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
    }

    [Fact]
    public async Task MalformedJson_OnInfoJson_SendsUnparseableJsonThereOnly()
    {
        _device.Faults.Add(DeviceFault.MalformedJson(DeviceRoutes.Info));

        byte[] info = await _client.GetByteArrayAsync(Url(DeviceRoutes.Info));
        var parse = () => JsonDocument.Parse(info);

        parse.Should().Throw<JsonException>();
        (await _client.GetJsonAsync(_device.BaseUri, DeviceRoutes.Logs)).GetProperty("logs").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task MalformedJson_DefaultScope_BreaksEveryJsonDocumentButNotTracks()
    {
        _device.Faults.Add(DeviceFault.MalformedJson());

        foreach (string path in new[] { DeviceRoutes.Info, DeviceRoutes.Settings, DeviceRoutes.Logs })
        {
            byte[] document = await _client.GetByteArrayAsync(Url(path));
            var parse = () => JsonDocument.Parse(document);
            parse.Should().Throw<JsonException>(path);
        }

        (await _client.GetByteArrayAsync(Url(_track.Path))).Should().Equal(_track.Content.ToArray());
    }

    [Fact]
    public async Task OversizedJson_OnLogsJson_SendsValidJsonLongerThanTheLimit()
    {
        _device.Faults.Add(DeviceFault.OversizedJson(64 * 1024, DeviceRoutes.Logs));

        using var response = await _client.GetAsync(Url(DeviceRoutes.Logs));
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        using var document = JsonDocument.Parse(body);

        body.Length.Should().BeGreaterThan(64 * 1024);
        response.Content.Headers.ContentLength.Should().Be(body.Length);
        document.RootElement.GetProperty("logs").GetArrayLength().Should().Be(2);
    }

    [Theory]
    [InlineData(null, 818)]
    [InlineData(5, 5)]
    public async Task WrongIdentifier_InfoJson_NamesAnotherDevice(int? lie, int expected)
    {
        _device.Faults.Add(DeviceFault.WrongIdentifier(lie));

        var motion = (await _client.GetJsonAsync(_device.BaseUri, DeviceRoutes.Info)).GetProperty("motion");

        motion.GetProperty("identifier").GetInt32().Should().Be(expected);
    }

    [Fact]
    public async Task Delay_Once_HoldsTheNextAnswerOnly()
    {
        var delay = TimeSpan.FromMilliseconds(400);
        _device.Faults.Add(DeviceFault.Delay(delay).Once());
        var clock = TimeProvider.System;

        long started = clock.GetTimestamp();
        (await _client.GetByteArrayAsync(Url(DeviceRoutes.Info))).Should().NotBeEmpty();
        var elapsed = clock.GetElapsedTime(started);

        elapsed.Should().BeGreaterThanOrEqualTo(delay * 0.9);
        _device.Faults.Active.Should().BeEmpty();
    }

    [Fact]
    public async Task ExtraBytes_Track_SendsMoreThanLogsJsonAnnounced()
    {
        _device.Faults.Add(DeviceFault.ExtraBytes(7));

        var logs = (await _client.GetJsonAsync(_device.BaseUri, DeviceRoutes.Logs)).GetProperty("logs");
        using var response = await _client.GetAsync(Url(_track.Path));
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        logs[0].GetProperty("size").GetInt64().Should().Be(Size);
        response.Content.Headers.ContentLength.Should().Be(Size + 7);
        body.Should().HaveCount(Size + 7);
        body[..Size].Should().Equal(_track.Content.ToArray());
    }

    [Fact]
    public async Task MissingBytes_Track_SendsLessThanLogsJsonAnnounced()
    {
        _device.Faults.Add(DeviceFault.MissingBytes(7));

        using var response = await _client.GetAsync(Url(_track.Path));
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        response.Content.Headers.ContentLength.Should().Be(Size - 7);
        body.Should().Equal(_track.Content[..(Size - 7)].ToArray());
    }

    [Fact]
    public async Task HostileTrackPaths_LogsJson_ListsPathsTheServerMustRefuse()
    {
        _device.Faults.Add(DeviceFault.HostileTrackPaths());

        var files = (await _client.GetJsonAsync(_device.BaseUri, DeviceRoutes.Logs)).GetProperty("logs").EnumerateArray()
            .Select(l => l.GetProperty("file").GetString()!).ToList();

        files.Should().HaveCount(2 + HostilePaths.Default.Count);
        files.Should().Contain(["../../etc/passwd.oao", "http://evil/x.oao", "//host/x.oao"]);
        files.Should().Contain(f => f.Any(char.IsControl));
        files.Take(2).Should().AllSatisfy(f => DevicePath.Check(f).Should().BeNull());
        files.Skip(2).Should().AllSatisfy(f => DevicePath.Check(f).Should().NotBeNull(f));
    }

    [Fact]
    public async Task Trickle_FakeClock_SendsOneBytePerInterval()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var track = TestTracks.Make(900, Start, 8);
        await using var fleet = EmulatedFleet.Create([new DeviceSetup(DeviceProfile.Create(900), [track])],
            new FleetOptions { TransferTimeProvider = clock });
        var device = fleet[900];
        await device.JoinAsync();
        device.Faults.Add(DeviceFault.Trickle(TimeSpan.FromSeconds(3), afterBytes: 4));
        var fast = Signal.Progress(device, p => p.BytesSent == 4);

        using var response = await _client.GetAsync(new Uri(device.BaseUri, track.Path), HttpCompletionOption.ResponseHeadersRead);
        var body = BodyRead.ReadAsync(response);
        await fast;
        for (int sent = 5; sent <= 8; sent++)
        {
            var next = Signal.Progress(device, p => p.BytesSent == sent);
            clock.Advance(TimeSpan.FromSeconds(3));
            (await next).Elapsed.Should().Be(TimeSpan.FromSeconds(3 * (sent - 4)));
        }

        (await body).Bytes.Should().Equal(track.Content.ToArray());
    }

    [Fact]
    public async Task DelayAndAbort_Combined_BothApply()
    {
        _device.Faults.Add(DeviceFault.Delay(TimeSpan.FromMilliseconds(200)));
        _device.Faults.Add(DeviceFault.AbortAfter(100));
        long started = TimeProvider.System.GetTimestamp();

        using var response = await _client.GetAsync(Url(_track.Path), HttpCompletionOption.ResponseHeadersRead);
        var read = await BodyRead.ReadAsync(response);

        TimeProvider.System.GetElapsedTime(started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(180));
        read.Error.Should().NotBeNull();
        read.Bytes.Length.Should().BeLessThanOrEqualTo(100);
    }

    [Fact]
    public async Task Dispose_FaultHandle_SwitchesTheFaultOff()
    {
        var fault = _device.Faults.Add(DeviceFault.HttpError());

        using (var broken = await _client.GetAsync(Url(DeviceRoutes.Info)))
        {
            broken.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        }

        fault.Dispose();
        using var healed = await _client.GetAsync(Url(DeviceRoutes.Info));

        healed.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
