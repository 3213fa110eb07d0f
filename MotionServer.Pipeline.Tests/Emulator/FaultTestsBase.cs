using System.Net;
using System.Net.Http;
using System.Text.Json;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Faults;
using MotionServer.Emulator.Fleet;
using MotionServer.Emulator.Transfers;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Emulator;

/// <summary>One device, 817, with two 100,000-byte tracks, present; a client without proxy.</summary>
public abstract class FaultTestsBase : IAsyncLifetime
{
    protected const int Size = 100_000;
    protected static readonly DateTimeOffset Start = new(2025, 10, 12, 10, 2, 9, TimeSpan.Zero);

    private EmulatedFleet _fleet = null!;

    internal EmulatedDevice Device { get; private set; } = null!;

    internal EmulatedTrack Track { get; private set; } = null!;

    internal EmulatedTrack Other { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Track = TestTracks.Make(817, Start, Size, seed: 1);
        Other = TestTracks.Make(817, Start.AddHours(2), Size, seed: 2);
        _fleet = EmulatedFleet.Create([new DeviceSetup(DeviceProfile.Create(817), [Track, Other])]);
        Device = _fleet[817];
        Client = EmulatorHttp.Client();
        await _fleet.JoinAllAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _fleet.DisposeAsync();
    }

    protected Uri Url(string path) => new(Device.BaseUri, path);
}
