using System.Diagnostics;
using System.Globalization;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 17, the clock step proven on a real process: the server runs under libfaketime, its wall clock is set back an
/// hour mid-run (as NTP does to a laptop that was an hour ahead), and a device that joins after the step is still found at
/// once. The monotonic clock is left alone, as a real step leaves it. Skipped, saying why, where libfaketime is absent.
/// </summary>
public sealed partial class HostProcessTests
{
    [FakeTimeFact]
    public async Task ClockSteppedBackAnHourMidRun_ADeviceJoiningAfterTheStep_IsConnectedWithin6Seconds()
    {
        await using var fleet = EmulatedFleet.Create([971, 972]);
        await fleet[971].JoinAsync();
        string clock = Path.Combine(Temp.Path, "faketime");
        File.WriteAllText(clock, "+0\n");

        await using var host = StartHostUnderFakeTime(fleet, clock);
        string before = await host.WaitForLineAsync(l => l.EndsWith("motion-971 is connected", StringComparison.Ordinal), StartTimeout);
        await host.WaitForLineAsync(l => l.EndsWith("motion-971 can be disconnected", StringComparison.Ordinal), StartTimeout);

        File.WriteAllText(clock, "-1h\n"); // read afresh at every clock call (FAKETIME_NO_CACHE): the step lands now
        var sinceJoin = Stopwatch.StartNew();
        await fleet[972].JoinAsync();
        string after = await host.WaitForLineAsync(l => l.EndsWith("motion-972 is connected", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        sinceJoin.Stop();

        // TimeOnly's difference reads the clock face forward (after's time to before's), across midnight too: a step
        // back of an hour is just under an hour whether or not the step crossed midnight (as it did in CI at 00:01).
        var stepped = TimeOf(before) - TimeOf(after);
        (stepped > TimeSpan.FromMinutes(50) && stepped < TimeSpan.FromMinutes(70)).Should().BeTrue(
            $"the server's wall clock was stepped back an hour between the two lines ({before} / {after})");
        sinceJoin.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(6), "a device arriving after the step is found as quickly as before it");
    }

    /// <summary>The time of day a console line starts with (<c>HH:mm:ss</c>).</summary>
    private static TimeOnly TimeOf(string line) => TimeOnly.ParseExact(line[..8], "HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The server with the Detection:Interval it ships with (5 s), its wall clock read from <paramref name="clockFile"/>.</summary>
    private HostProcess StartHostUnderFakeTime(EmulatedFleet fleet, string clockFile)
    {
        string hosts = Path.Combine(EventDirectory, "config", "hosts");
        Directory.CreateDirectory(Path.GetDirectoryName(hosts)!);
        fleet.WriteHostsFile(hosts);
        WriteRoster(RosterCsv(fleet.Devices.Select(d => d.Id)));
        var environment = new Dictionary<string, string>
        {
            ["LD_PRELOAD"] = FakeTimeFactAttribute.Library!,
            ["FAKETIME_TIMESTAMP_FILE"] = clockFile,
            ["FAKETIME_NO_CACHE"] = "1",
            ["FAKETIME_DONT_FAKE_MONOTONIC"] = "1", // a real step moves the wall clock only
        };
        return HostProcess.Start(environment, Temp.Path,
        [
            "--event-dir", EventDirectory,
            $"--MotionServer:Network:HostsFile={hosts}",
            $"--MotionServer:Network:Port={fleet.Port.ToString(CultureInfo.InvariantCulture)}",
        ]);
    }
}

/// <summary>A test that runs the server under libfaketime: skipped, saying why, where it is not installed (CI installs it).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FakeTimeFactAttribute : FactAttribute
{
    public FakeTimeFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Library is null)
        {
            Skip = "needs Linux and libfaketime to step the server's clock (apt-get install faketime)";
        }
    }

    /// <summary>Where Debian's faketime package puts the library, or null.</summary>
    public static string? Library { get; } = new[] { "x86_64-linux-gnu", "aarch64-linux-gnu" }
        .Select(arch => $"/usr/lib/{arch}/faketime/libfaketime.so.1")
        .FirstOrDefault(File.Exists);
}
