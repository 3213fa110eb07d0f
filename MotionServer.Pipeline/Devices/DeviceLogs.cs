using System.Text.Json;

namespace MotionServer.Pipeline.Devices;

/// <summary>Reads a device's <c>logs.json</c>.</summary>
internal static class DeviceLogs
{
    /// <summary>Reads logs.json, refusing more than <paramref name="maxEntries"/> entries; entries that cannot be tracks are left out.</summary>
    /// <exception cref="DeviceAnswerException">Malformed, or too many entries.</exception>
    public static IReadOnlyList<DeviceLog> Parse(ReadOnlyMemory<byte> json, int maxEntries) => Read(json, maxEntries).Logs;

    /// <summary>
    /// Reads logs.json into validated entries. An entry that cannot be a track (a value it is chosen, fetched or named by
    /// missing, of the wrong type, out of range or not valid text) is refused on its own with its reason; it never takes
    /// the other entries with it. A figure that is only reported and cannot be right is dropped (read as unknown) with
    /// its reason, and its track is kept.
    /// </summary>
    /// <exception cref="DeviceAnswerException">Malformed as a whole, or more than <paramref name="maxEntries"/> entries.</exception>
    public static DeviceLogsReading Read(ReadOnlyMemory<byte> json, int maxEntries)
    {
        using var document = JsonFields.Parse(json, "logs.json");
        if (document.RootElement.Child("logs") is not { ValueKind: JsonValueKind.Array } logs)
        {
            throw new DeviceAnswerException("logs.json has no \"logs\" list");
        }

        int count = logs.GetArrayLength();
        if (count > maxEntries)
        {
            throw new DeviceAnswerException($"logs.json lists {count} logs, more than Limits:MaxLogEntries ({maxEntries})");
        }

        var result = new List<DeviceLog>(count);
        var refused = new List<RefusedLogEntry>();
        var dropped = new List<RefusedLogEntry>();
        int index = 0;
        foreach (var entry in logs.EnumerateArray())
        {
            if (DeviceLogEntry.Read(entry, out var log, out string? file, out var droppedFigures) is { } reason)
            {
                refused.Add(new RefusedLogEntry(index, file, reason));
            }
            else
            {
                result.Add(log!);
                dropped.AddRange(droppedFigures.Select(figure => new RefusedLogEntry(index, file, figure)));
            }

            index++;
        }

        return new DeviceLogsReading(result, refused, dropped);
    }
}
