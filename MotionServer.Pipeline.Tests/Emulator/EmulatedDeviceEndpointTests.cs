using System.Text.Json;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;

namespace MotionServer.Pipeline.Tests.Emulator;

public sealed class EmulatedDeviceEndpointTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 10, 12, 10, 2, 9, TimeSpan.Zero);
    private EmulatedFleet _fleet = null!;

    public async Task InitializeAsync()
    {
        _fleet = EmulatedFleet.Create(
        [
            new DeviceSetup(DeviceProfile.Create(817) with { BatteryLevel = 76, Username = "WSW" },
                [TestTracks.Make(817, Start, 952_928), TestTracks.Make(817, Start.AddHours(3), 1536) with { TimezoneMinutes = null }]),
            new DeviceSetup(DeviceProfile.Create(42) with { Firmware = DeviceFirmware.Legacy, Hardware = DeviceHardware.Lcd,
                Settings = DeviceSettings.EventDefaults with { CustomLed = null } }, []),
        ]);
        await _fleet.JoinAllAsync();
    }

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task InfoJson_CurrentFirmware_SendsHardwareAndFirmwareObjects()
    {
        using var client = EmulatorHttp.Client();
        var motion = (await client.GetJsonAsync(_fleet[817].BaseUri, "/info.json")).GetProperty("motion");

        motion.GetProperty("identifier").GetInt32().Should().Be(817);
        motion.GetProperty("wifi").GetString().Should().Be("station");
        motion.GetProperty("username").GetString().Should().Be("WSW");
        motion.GetProperty("hardware").GetProperty("code").GetInt32().Should().Be(108);
        motion.GetProperty("hardware").GetProperty("name").GetString().Should().Be("Wireless Mini M10");
        motion.GetProperty("firmware").GetProperty("code").GetInt32().Should().Be(9008);
        motion.GetProperty("firmware").GetProperty("name").GetString().Should().Be("9008 Event build (3232)");
        motion.GetProperty("firmware").GetProperty("special").GetString().Should().NotBeEmpty();
        motion.GetProperty("filesystem").GetProperty("level").GetInt32().Should().Be(4);
        motion.GetProperty("battery").GetProperty("level").GetInt32().Should().Be(76);
        motion.GetProperty("battery").GetProperty("charging").GetBoolean().Should().BeFalse();
        motion.GetProperty("units").GetProperty("speed").GetString().Should().Be("kn");
        motion.GetProperty("units").GetProperty("distance").GetString().Should().Be("km");
    }

    [Fact]
    public async Task InfoJson_LegacyFirmware_SendsStringHardwareAndNumberFirmware()
    {
        using var client = EmulatorHttp.Client();
        var motion = (await client.GetJsonAsync(_fleet[42].BaseUri, "/info.json")).GetProperty("motion");

        motion.GetProperty("identifier").GetInt32().Should().Be(42);
        motion.GetProperty("hardware").ValueKind.Should().Be(JsonValueKind.String);
        motion.GetProperty("hardware").GetString().Should().Be("lcd");
        motion.GetProperty("firmware").ValueKind.Should().Be(JsonValueKind.Number);
        motion.GetProperty("firmware").GetInt32().Should().Be(3129);
    }

    [Fact]
    public async Task SettingsJson_Default_SendsNumbersAsStringsAndCustomLed()
    {
        using var client = EmulatorHttp.Client();
        var settings = (await client.GetJsonAsync(_fleet[817].BaseUri, "/settings.json")).GetProperty("settings");

        settings.GetProperty("gnss_rate").GetString().Should().Be("5");
        settings.GetProperty("one_log_per_day").GetString().Should().Be("0");
        settings.GetProperty("timezone").GetString().Should().Be("60");
        settings.GetProperty("speed_unit").GetString().Should().Be("kn");
        settings.GetProperty("distance_unit").GetString().Should().Be("km");
        settings.GetProperty("username").GetString().Should().Be("WSW");
        settings.GetProperty("hardware").GetProperty("code").GetInt32().Should().Be(108);
        var wifi = settings.GetProperty("wifi").EnumerateArray().ToList();
        wifi.Should().HaveCount(2);
        wifi[1].GetProperty("login").GetString().Should().Be("EVENT");
        wifi[1].GetProperty("password_length").GetString().Should().Be("8");
        wifi[1].GetProperty("trust").GetString().Should().Be("1");
        var led = settings.GetProperty("custom_led");
        led.GetProperty("flash").GetString().Should().Be("1");
        led.GetProperty("substract").GetString().Should().Be("0");
        led.GetProperty("rows")[0].GetProperty("code").GetString().Should().Be("78");
    }

    [Fact]
    public async Task SettingsJson_DeviceWithoutLed_LeavesCustomLedOut()
    {
        using var client = EmulatorHttp.Client();
        var settings = (await client.GetJsonAsync(_fleet[42].BaseUri, "/settings.json")).GetProperty("settings");

        settings.TryGetProperty("custom_led", out _).Should().BeFalse();
    }

    [Fact]
    public async Task LogsJson_TwoTracks_ListsEveryFieldWithDeviceUnits()
    {
        using var client = EmulatorHttp.Client();
        var logs = (await client.GetJsonAsync(_fleet[817].BaseUri, "/logs.json")).GetProperty("logs").EnumerateArray().ToList();

        logs.Should().HaveCount(2);
        var log = logs[0];
        log.EnumerateObject().Select(p => p.Name).Should().Equal(
            "file", "size", "timezone", "mode", "start_date", "end_date", "duration", "distance", "2s_best", "10s_best",
            "500m_best", "1852m_best", "a500m_best", "1h_best", "spot", "wind", "board", "sail", "fin");
        log.GetProperty("file").GetString().Should().Be("/logs/2025/10/0817_2025-10-12-1102.oao");
        log.GetProperty("size").GetInt64().Should().Be(952_928);
        log.GetProperty("timezone").GetInt32().Should().Be(60);
        log.GetProperty("start_date").GetInt64().Should().Be(Start.ToUnixTimeMilliseconds());
        log.GetProperty("end_date").GetInt64().Should().Be(Start.AddHours(1).ToUnixTimeMilliseconds());
        log.GetProperty("duration").GetInt64().Should().Be(3_600_000);
        log.GetProperty("distance").GetInt64().Should().Be(TestTracks.Distance);
        log.GetProperty("500m_best").GetInt64().Should().Be(TestTracks.Best500m);
        logs[1].TryGetProperty("timezone", out _).Should().BeFalse();
        logs[1].GetProperty("size").GetInt64().Should().Be(1536);
    }

    [Fact]
    public async Task GetTrack_AnnouncedPath_ReturnsExactlyTheAnnouncedBytes()
    {
        using var client = EmulatorHttp.Client();
        var track = _fleet[817].Tracks[0];

        using var response = await client.GetAsync(new Uri(_fleet[817].BaseUri, track.Path));
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/octet-stream");
        response.Content.Headers.ContentLength.Should().Be(track.Size);
        body.Should().Equal(track.Content.ToArray());
        _fleet[817].CompletedTracks.Should().Be(1);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/logs/2025/10/0817_2025-10-12-1103.oao")]
    [InlineData("/info.json.bak")]
    public async Task Get_UnknownPath_Returns404(string path)
    {
        using var client = EmulatorHttp.Client();

        using var response = await client.GetAsync(new Uri(_fleet[817].BaseUri, path));

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AppendToTrack_OneLogPerDay_ChangesAnnouncedSizeAndBody()
    {
        var device = _fleet[817];
        string path = device.Tracks[0].Path;
        using var client = EmulatorHttp.Client();

        device.AppendToTrack(path, new byte[] { 1, 2, 3 }, TimeSpan.FromMinutes(1));
        var logs = (await client.GetJsonAsync(device.BaseUri, "/logs.json")).GetProperty("logs");
        byte[] body = await client.GetByteArrayAsync(new Uri(device.BaseUri, path));

        logs[0].GetProperty("size").GetInt64().Should().Be(952_931);
        logs[0].GetProperty("duration").GetInt64().Should().Be(3_660_000);
        body.Should().HaveCount(952_931).And.EndWith(new byte[] { 1, 2, 3 });
    }

    [Fact]
    public async Task SetBattery_WhileOnline_ChangesInfoJson()
    {
        using var client = EmulatorHttp.Client();

        _fleet[817].SetBattery(12, charging: true);
        var battery = (await client.GetJsonAsync(_fleet[817].BaseUri, "/info.json")).GetProperty("motion").GetProperty("battery");

        battery.GetProperty("level").GetInt32().Should().Be(12);
        battery.GetProperty("charging").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task AddTrack_WhileOnline_AppearsInLogsJsonAndIsServed()
    {
        var device = _fleet[42];
        var track = TestTracks.Make(42, Start, 5000);
        using var client = EmulatorHttp.Client();

        device.AddTrack(track);
        var logs = (await client.GetJsonAsync(device.BaseUri, "/logs.json")).GetProperty("logs");
        byte[] body = await client.GetByteArrayAsync(new Uri(device.BaseUri, track.Path));

        logs.GetArrayLength().Should().Be(1);
        logs[0].GetProperty("file").GetString().Should().Be("/logs/2025/10/0042_2025-10-12-1102.oao");
        body.Should().Equal(track.Content.ToArray());
    }

    [Fact]
    public async Task Head_Track_AnnouncesTheLengthWithoutABody()
    {
        using var client = EmulatorHttp.Client();
        var track = _fleet[817].Tracks[0];

        using var response = await client.SendAsync(new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Head, new Uri(_fleet[817].BaseUri, track.Path)));

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentLength.Should().Be(track.Size);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task GetTrack_ServerRequestTarget_ServesTheTrackAndRecordsTheTarget()
    {
        using var client = EmulatorHttp.Client();
        var track = _fleet[817].Tracks[0];
        string target = MotionServer.Pipeline.Tracks.DevicePath.ToRequestTarget(track.Path);

        byte[] body = await client.GetByteArrayAsync(new Uri(_fleet[817].BaseUri, target));

        body.Should().HaveCount((int)track.Size);
        _fleet[817].Requests[^1].RawTarget.Should().Be(target);
    }

    [Fact]
    public async Task Post_AnyPath_Returns405()
    {
        using var client = EmulatorHttp.Client();

        using var response = await client.PostAsync(new Uri(_fleet[817].BaseUri, "/info.json"), null);

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.MethodNotAllowed);
    }
}
