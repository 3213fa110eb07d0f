using MotionServer.Emulator.Devices;

namespace MotionServer.Emulator.Fleet;

/// <summary>
/// A compressed event day over a fleet whose devices start away: riders come off the water in waves. In each wave
/// <see cref="CompressedDayOptions.JoinsPerWave"/> devices, chosen at random, join at random moments over
/// <see cref="CompressedDayOptions.Spread"/>. Each stays until it has been served (<see cref="ServedWatch"/>) or its
/// patience runs out, stays a few seconds more as a rider unclipping does, and leaves; it comes back no sooner than
/// <see cref="CompressedDayOptions.AwayAtLeast"/> after it left. Every second device (even ids) leaves an address that
/// stays silent (<see cref="EmulatedDevice.SilentWhenAway"/>: a router still answering its name with its last address),
/// the others refuse connections. It needs no view of the server: what a device is asked is all it goes by, so the
/// server under test can be another process (benchmarks/at-rest/measure-day.sh measures the real program's cost over a day).
/// </summary>
/// <param name="fleet">The devices, all away.</param>
/// <param name="options">The day's shape.</param>
/// <param name="time">The clock of every wait.</param>
/// <param name="sailed">What a rider brings back from the water: a new log, added before the device joins (visit 1 on); none when null.</param>
internal sealed class CompressedDay(EmulatedFleet fleet, CompressedDayOptions options, TimeProvider time, Func<EmulatedDevice, int, EmulatedTrack>? sailed = null)
{
    private readonly Dictionary<int, int> _visits = [];
    private readonly Dictionary<int, DateTimeOffset> _leftAt = [];

    /// <summary>Runs every wave in turn; <paramref name="waveEnded"/> hears each wave's tally (1-based) as it ends.</summary>
    /// <returns>The whole day's tally.</returns>
    public async Task<DayTally> RunAsync(Action<int, DayTally>? waveEnded, CancellationToken stopping)
    {
        var random = new Random(options.Seed);
        var watches = fleet.Devices.ToDictionary(d => d.Id, d => new ServedWatch(d));
        try
        {
            foreach (var device in fleet.Devices)
            {
                device.SilentWhenAway = device.Id % 2 == 0;
            }

            var day = default(DayTally);
            for (int wave = 1; wave <= options.Waves; wave++)
            {
                var start = time.GetUtcNow();
                // Planned before any starts: the last wave's departures are all in, and none of this wave's yet.
                var plans = fleet.Devices.OrderBy(_ => random.Next()).Take(options.JoinsPerWave).Select(d => PlanVisit(d, start, random)).ToArray();
                var visits = plans.Select(v => VisitAsync(v, watches[v.Device.Id], stopping));
                var tally = (await Task.WhenAll(visits).ConfigureAwait(false)).Aggregate(default(DayTally), DayTally.Add);
                day += tally;
                waveEnded?.Invoke(wave, tally);
            }

            return day;
        }
        finally
        {
            foreach (var watch in watches.Values)
            {
                watch.Dispose();
            }
        }
    }

    private Visit PlanVisit(EmulatedDevice device, DateTimeOffset waveStart, Random random)
    {
        var joinAt = waveStart + Between(random, TimeSpan.Zero, options.Spread);
        if (_leftAt.TryGetValue(device.Id, out var left) && left + options.AwayAtLeast > joinAt)
        {
            joinAt = left + options.AwayAtLeast;
        }

        int number = _visits[device.Id] = _visits.GetValueOrDefault(device.Id) + 1;
        return new Visit(device, number, joinAt, Between(random, options.StayAtLeast, options.StayAtMost));
    }

    private async Task<DayTally> VisitAsync(Visit visit, ServedWatch watch, CancellationToken stopping)
    {
        var wait = visit.JoinAt - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, stopping).ConfigureAwait(false);
        }

        if (sailed is not null)
        {
            visit.Device.AddTrack(sailed(visit.Device, visit.Number));
        }

        var served = watch.VisitBegins(time.GetUtcNow());
        await visit.Device.JoinAsync(stopping).ConfigureAwait(false);
        bool inTime = await Task.WhenAny(served, Task.Delay(options.Patience, time, stopping)).ConfigureAwait(false) == served;
        stopping.ThrowIfCancellationRequested();
        if (inTime)
        {
            await Task.Delay(visit.Stay, time, stopping).ConfigureAwait(false);
        }

        await visit.Device.LeaveAsync(stopping).ConfigureAwait(false);
        lock (_leftAt)
        {
            _leftAt[visit.Device.Id] = time.GetUtcNow();
        }

        return new DayTally(Joins: 1, Served: inTime ? 1 : 0);
    }

    private static TimeSpan Between(Random random, TimeSpan least, TimeSpan most) =>
        least + TimeSpan.FromMilliseconds(random.NextDouble() * (most - least).TotalMilliseconds);

    private sealed record Visit(EmulatedDevice Device, int Number, DateTimeOffset JoinAt, TimeSpan Stay);
}
