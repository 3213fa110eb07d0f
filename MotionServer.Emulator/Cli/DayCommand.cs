using System.Globalization;
using MotionServer.Emulator.Demo;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Emulator.Generation;

namespace MotionServer.Emulator.Cli;

/// <summary>
/// Builds a fleet (ids from 801, all away, no logs yet), writes its hosts file and roster, says it is ready, then runs
/// a compressed day in which every visit brings back the log of a new session.
/// </summary>
internal sealed class DayCommand(DayArguments arguments, TextWriter output, TimeProvider time)
{
    /// <summary>The first device's id; the others follow without gaps.</summary>
    public const int FirstId = 801;

    /// <summary>Runs the day to its end (or until stopped).</summary>
    /// <param name="stopping">Ctrl+C.</param>
    /// <param name="shape">Stays, absences and patience (tests shorten them); waves, joins, spread and seed come from the arguments.</param>
    /// <param name="started">Called once the files are written, before the first device joins.</param>
    /// <returns>The day's tally.</returns>
    /// <exception cref="System.Net.Sockets.SocketException">The port is taken.</exception>
    public async Task<DayTally> RunAsync(CancellationToken stopping, CompressedDayOptions? shape = null, Action<EmulatedFleet>? started = null)
    {
        var random = new Random(arguments.Seed);
        var (today, _) = EventDay.Today(time);
        var ids = Enumerable.Range(FirstId, arguments.Devices).ToArray();
        var fleet = EmulatedFleet.Create(ids.Select(id => new DeviceSetup(DeviceProfile.Create(id) with { Username = People.Nickname(random) }, [])),
            new FleetOptions { Port = arguments.Port, BandwidthBytesPerSecond = arguments.Bandwidth });
        var roster = RosterCsvWriter.Write(ids.Select((id, i) => People.Row(random, i, id, today.AddDays(-2), today.AddDays(4))));
        var firstSession = time.GetUtcNow() - TimeSpan.FromHours(3);
        await using (fleet.ConfigureAwait(false))
        {
            fleet.WriteHostsFile(arguments.HostsFile); // the router knows every name: an away device's address answers nothing
            AtomicText.Write(arguments.Roster, roster);
            Say(string.Create(CultureInfo.InvariantCulture, $"ready port={fleet.Port} devices={fleet.Devices.Count}"));
            started?.Invoke(fleet);
            var options = (shape ?? new CompressedDayOptions()) with { Waves = arguments.Waves, JoinsPerWave = arguments.JoinsPerWave, Spread = arguments.Spread, Seed = arguments.Seed };
            var day = await new CompressedDay(fleet, options, time, (device, visit) => Session(device, visit, firstSession))
                .RunAsync((wave, tally) => Say(string.Create(CultureInfo.InvariantCulture, $"wave {wave}/{options.Waves}: {tally}")), stopping).ConfigureAwait(false);
            Say($"day: {day}");
            return day;
        }
    }

    /// <summary>
    /// The log of the session a rider sailed before visit <paramref name="visit"/>: <see cref="DayArguments.SessionLength"/>
    /// long, the sessions of a device one after another from three hours before the day began, so none overlap.
    /// </summary>
    private EmulatedTrack Session(EmulatedDevice device, int visit, DateTimeOffset firstSession)
    {
        var length = arguments.SessionLength;
        var start = firstSession + ((visit - 1) * (length + TimeSpan.FromMinutes(2)));
        return TrackGenerators.Default.Generate(new TrackSpec(device.Id, device.Profile.Username, start, length, Seed: visit));
    }

    /// <summary>A line, flushed at once: a script waits for it.</summary>
    private void Say(string line)
    {
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
