using MotionServer.Emulator.Fleet;

namespace MotionServer.Emulator.Demo;

/// <summary>
/// The fleet of the server's <c>--demo</c>: about twelve devices with realistic metadata (a few low batteries,
/// one old firmware, one unexpected setting, an LCD), 1–4 short logs each dated today, arriving and leaving over
/// a few minutes, plus the matching roster: riders of several crafts and classes, each sailing at their own speed
/// (<see cref="DemoRiders"/>), one damaged log and one log with a GPS glitch (a suspect track). Usage:
/// <code>
/// await using var demo = await DemoFleet.StartAsync(TimeProvider.System, stopping);
/// demo.WriteHostsFile(hostsPath);               // Network:HostsFile
/// File.WriteAllText(rosterPath, demo.RosterCsv); // config/motions.csv
/// // Network:Port = demo.Port
/// </code>
/// </summary>
internal sealed partial class DemoFleet : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    private DemoFleet(EmulatedFleet fleet, FleetPlan plan, FleetSchedule schedule)
    {
        Fleet = fleet;
        Plan = plan;
        Schedule = schedule;
    }

    /// <summary>The devices.</summary>
    public EmulatedFleet Fleet { get; }

    /// <summary>The port every device listens on (<c>Network:Port</c>).</summary>
    public int Port => Fleet.Port;

    /// <summary>The devices and roster rows.</summary>
    public FleetPlan Plan { get; }

    /// <summary>The roster, as <c>config/motions.csv</c> text.</summary>
    public string RosterCsv => Plan.RosterCsv;

    /// <summary>Who arrives and leaves when.</summary>
    public FleetSchedule Schedule { get; }

    /// <summary>Ends when the schedule has run (or was cancelled); completed when it was not started.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Builds the demo fleet and (by default) starts its schedule on <paramref name="timeProvider"/>'s clock.</summary>
    public static Task<DemoFleet> StartAsync(TimeProvider timeProvider, CancellationToken cancellationToken = default) =>
        StartAsync(new DemoFleetOptions(), timeProvider, cancellationToken);

    /// <summary>Builds the demo fleet and (unless told not to) starts its schedule on <paramref name="timeProvider"/>'s clock.</summary>
    public static Task<DemoFleet> StartAsync(DemoFleetOptions options, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        cancellationToken.ThrowIfCancellationRequested();
        // Hours-long logs: generate them in parallel first (same bytes as one by one), then build the plan from them.
        var planned = new PregeneratedTracks.FrozenTime(timeProvider);
        var ready = PregeneratedTracks.For(options.Generator, generator => BuildPlan(options with { Generator = generator }, planned));
        var plan = WithDamagedTrack(BuildPlan(options with { Generator = ready }, planned));
        var fleet = EmulatedFleet.Create(plan.Devices, new FleetOptions
        {
            Port = options.Port,
            BandwidthBytesPerSecond = options.BandwidthBytesPerSecond,
            LoggerFactory = options.LoggerFactory,
        });
        var demo = new DemoFleet(fleet, plan, BuildSchedule(options, fleet));
        if (options.StartSchedule)
        {
            demo.Completion = demo.RunScheduleAsync(timeProvider, cancellationToken);
        }

        return Task.FromResult(demo);
    }

    /// <summary>Runs the arrivals and departures (once).</summary>
    public async Task RunScheduleAsync(TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, cancellationToken);
        try
        {
            await Fleet.RunScheduleAsync(Schedule, timeProvider, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // stopped: nothing more to run
        }
    }

    /// <summary>Writes the hosts file naming every device (<c>Network:HostsFile</c>).</summary>
    public void WriteHostsFile(string path) => Fleet.WriteHostsFile(path);

    /// <summary>Stops the schedule, takes every device off the network and frees the addresses.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Completion.ConfigureAwait(false);
        await Fleet.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
