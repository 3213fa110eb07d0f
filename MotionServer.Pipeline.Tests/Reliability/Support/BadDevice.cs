using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Faults;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Tests.Integration;

namespace MotionServer.Pipeline.Tests.Reliability.Support;

/// <summary>
/// The misbehaviours of issue 4, guarantee 3, by name: how to make an emulated device misbehave, what the server's
/// log line must say, and how the device comes right again (null: it cannot, e.g. a track beyond Limits:MaxTrackBytes).
/// </summary>
internal static class BadDevice
{
    public const long MaxJsonBytes = 64 * 1024;
    public const int MaxLogEntries = 3;
    public const long MaxTrackBytes = 120_000;
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(1.5);

    public static readonly string[] Kinds =
        ["http500", "track500", "malformed", "oversized", "entries", "bigtrack", "wrongid", "jsontimeout", "jsonstall", "abort", "stall", "trickle", "extra", "missing"];

    /// <summary>Limits small enough for the emulator to cross them; timeouts short enough for a test.</summary>
    public static void Configure(MotionServerOptions options)
    {
        options.Limits.MaxJsonBytes = MaxJsonBytes;
        options.Limits.MaxLogEntries = MaxLogEntries;
        options.Limits.MaxTrackBytes = MaxTrackBytes;
        options.Inspection.RequestTimeout = RequestTimeout;
        options.Download.RequestTimeout = RequestTimeout;
    }

    /// <summary>Makes <paramref name="device"/> misbehave as <paramref name="kind"/>; returns what the log line must contain and how to recover.</summary>
    public static (string Reason, Action? Recover) Apply(EmulatedDevice device, string kind)
    {
        string track = device.Tracks[0].Path;
        IDisposable Fault(DeviceFault fault) => device.Faults.Add(fault);
        IDisposable handle;
        switch (kind)
        {
            case "http500":
                handle = Fault(DeviceFault.HttpError());
                return ("inspection failed - info.json answered HTTP 500", handle.Dispose);
            case "track500":
                handle = Fault(DeviceFault.HttpError(track));
                return ("failed - the device answered HTTP 500", handle.Dispose);
            case "malformed":
                handle = Fault(DeviceFault.MalformedJson("/logs.json"));
                return ("inspection failed - logs.json is not valid JSON", handle.Dispose);
            case "oversized":
                handle = Fault(DeviceFault.OversizedJson(MaxJsonBytes + 10_000, "/settings.json"));
                return ($"inspection failed - settings.json is ", handle.Dispose); // "... N bytes, more than Limits:MaxJsonBytes"
            case "entries":
                var extra = Enumerable.Range(1, MaxLogEntries).Select(s => FleetBuilder.Track(device.Id, session: 10 + s, minutes: 1)).ToArray();
                foreach (var t in extra)
                {
                    device.AddTrack(t);
                }

                return ($"inspection failed - logs.json lists {MaxLogEntries + 1} logs, more than Limits:MaxLogEntries ({MaxLogEntries})", () =>
                {
                    foreach (var t in extra)
                    {
                        device.RemoveTrack(t.Path);
                    }
                });
            case "bigtrack":
                device.PutTrack(FleetBuilder.Track(device.Id, session: 0, minutes: 30) with { Path = track });
                return ($"more than Limits:MaxTrackBytes ({MaxTrackBytes})", null);
            case "wrongid":
                handle = Fault(DeviceFault.WrongIdentifier());
                return ($"inspection failed - wrong device answered: info.json identifier is {device.Id + 1}", handle.Dispose);
            case "jsontimeout":
                handle = Fault(DeviceFault.Delay(RequestTimeout * 3, "/info.json"));
                return ("inspection failed - info.json did not arrive within 1.5 s", handle.Dispose);
            case "jsonstall":
                handle = Fault(DeviceFault.StallAfter(20).On("/logs.json"));
                return ("inspection failed - logs.json did not arrive within 1.5 s", handle.Dispose);
            case "abort":
                handle = Fault(DeviceFault.AbortAfter(2_000));
                return ("failed - transfer broke", handle.Dispose);
            case "stall":
                handle = Fault(DeviceFault.StallAfter(2_000));
                return ("failed - no data for 1.5 s", handle.Dispose);
            case "trickle":
                handle = Fault(DeviceFault.Trickle(TimeSpan.FromMilliseconds(200)));
                return ("failed - transfer stalled", handle.Dispose);
            case "extra":
                handle = Fault(DeviceFault.ExtraBytes(10));
                return ("failed - the device sends", handle.Dispose);
            case "missing":
                handle = Fault(DeviceFault.MissingBytes(10));
                return ("failed - the device sends", handle.Dispose);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown misbehaviour");
        }
    }
}
