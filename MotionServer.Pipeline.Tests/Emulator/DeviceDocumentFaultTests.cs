using System.Net;
using System.Net.Http;
using System.Text.Json;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Faults;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Emulator;

public sealed class DeviceDocumentFaultTests : FaultTestsBase
{
    [Fact]
    public async Task StallAfterZero_OnInfoJson_MakesTheRequestTimeOut()
    {
        Device.Faults.Add(DeviceFault.StallAfter(0).On(DeviceRoutes.Info));
        using var impatient = EmulatorHttp.Client(TimeSpan.FromMilliseconds(500));

        var info = async () => await impatient.GetByteArrayAsync(Url(DeviceRoutes.Info));

        await info.Should().ThrowAsync<TaskCanceledException>();
        (await Client.GetByteArrayAsync(Url(DeviceRoutes.Settings))).Should().NotBeEmpty();
    }

    [Fact]
    public async Task HttpError_OnLogsJson_Answers500ThereOnly()
    {
        Device.Faults.Add(DeviceFault.HttpError(DeviceRoutes.Logs));

        using var logs = await Client.GetAsync(Url(DeviceRoutes.Logs));
        using var info = await Client.GetAsync(Url(DeviceRoutes.Info));

        logs.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        info.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HttpError_Once_AppliesToTheNextRequestOnly()
    {
        Device.Faults.Add(DeviceFault.HttpError().Once());

        using var first = await Client.GetAsync(Url(Track.Path));
        using var second = await Client.GetAsync(Url(Track.Path));

        first.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        Device.Faults.Active.Should().BeEmpty();
    }

    [Fact]
    public async Task HttpError_ForNextTwo_AppliesToTwoRequestsThenStops()
    {
        Device.Faults.Add(DeviceFault.HttpError(statusCode: 503).ForNext(2));

        var codes = new List<HttpStatusCode>();
        for (int i = 0; i < 3; i++)
        {
            using var response = await Client.GetAsync(Url(DeviceRoutes.Info));
            codes.Add(response.StatusCode);
        }

        codes.Should().Equal(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
    }

    [Fact]
    public async Task MalformedJson_OnInfoJson_SendsUnparseableJsonThereOnly()
    {
        Device.Faults.Add(DeviceFault.MalformedJson(DeviceRoutes.Info));

        byte[] info = await Client.GetByteArrayAsync(Url(DeviceRoutes.Info));
        var parse = () => JsonDocument.Parse(info);

        parse.Should().Throw<JsonException>();
        (await Client.GetJsonAsync(Device.BaseUri, DeviceRoutes.Logs)).GetProperty("logs").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task MalformedJson_DefaultScope_BreaksEveryJsonDocumentButNotTracks()
    {
        Device.Faults.Add(DeviceFault.MalformedJson());

        foreach (string path in new[] { DeviceRoutes.Info, DeviceRoutes.Settings, DeviceRoutes.Logs })
        {
            byte[] document = await Client.GetByteArrayAsync(Url(path));
            var parse = () => JsonDocument.Parse(document);
            parse.Should().Throw<JsonException>(path);
        }

        (await Client.GetByteArrayAsync(Url(Track.Path))).Should().Equal(Track.Content.ToArray());
    }

    [Fact]
    public async Task OversizedJson_OnLogsJson_SendsValidJsonLongerThanTheLimit()
    {
        Device.Faults.Add(DeviceFault.OversizedJson(64 * 1024, DeviceRoutes.Logs));

        using var response = await Client.GetAsync(Url(DeviceRoutes.Logs));
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
        Device.Faults.Add(DeviceFault.WrongIdentifier(lie));

        var motion = (await Client.GetJsonAsync(Device.BaseUri, DeviceRoutes.Info)).GetProperty("motion");

        motion.GetProperty("identifier").GetInt32().Should().Be(expected);
    }

    [Fact]
    public async Task Delay_Once_HoldsTheNextAnswerOnly()
    {
        var delay = TimeSpan.FromMilliseconds(400);
        Device.Faults.Add(DeviceFault.Delay(delay).Once());
        var clock = TimeProvider.System;

        long started = clock.GetTimestamp();
        (await Client.GetByteArrayAsync(Url(DeviceRoutes.Info))).Should().NotBeEmpty();
        var elapsed = clock.GetElapsedTime(started);

        elapsed.Should().BeGreaterThanOrEqualTo(delay * 0.9);
        Device.Faults.Active.Should().BeEmpty();
    }

    [Fact]
    public async Task HostileTrackPaths_LogsJson_ListsPathsTheServerMustRefuse()
    {
        Device.Faults.Add(DeviceFault.HostileTrackPaths());

        var files = (await Client.GetJsonAsync(Device.BaseUri, DeviceRoutes.Logs)).GetProperty("logs").EnumerateArray()
            .Select(l => l.GetProperty("file").GetString()!).ToList();

        files.Should().HaveCount(2 + HostilePaths.Default.Count);
        files.Should().Contain(["../../etc/passwd.oao", "http://evil/x.oao", "//host/x.oao"]);
        files.Should().Contain(f => f.Any(char.IsControl));
        files.Take(2).Should().AllSatisfy(f => DevicePath.Check(f).Should().BeNull());
        files.Skip(2).Should().AllSatisfy(f => DevicePath.Check(f).Should().NotBeNull(f));
    }

    [Fact]
    public async Task Dispose_FaultHandle_SwitchesTheFaultOff()
    {
        var fault = Device.Faults.Add(DeviceFault.HttpError());

        using (var broken = await Client.GetAsync(Url(DeviceRoutes.Info)))
        {
            broken.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        }

        fault.Dispose();
        using var healed = await Client.GetAsync(Url(DeviceRoutes.Info));

        healed.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
