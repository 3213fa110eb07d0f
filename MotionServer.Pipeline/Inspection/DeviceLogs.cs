using System.Text.Json;

namespace MotionServer.Pipeline.Inspection;

/// <summary>Reads a device's <c>logs.json</c>.</summary>
public static class DeviceLogs
{
    /// <summary>Reads logs.json, refusing more than <paramref name="maxEntries"/> entries. Entries without a path or size are left out.</summary>
    /// <exception cref="DeviceAnswerException">Malformed, or too many entries.</exception>
    public static IReadOnlyList<DeviceLog> Parse(ReadOnlyMemory<byte> json, int maxEntries)
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
        foreach (var entry in logs.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object
                || entry.Child("file") is not { ValueKind: JsonValueKind.String } file
                || entry.Child("size").AsInt64() is not { } size || size < 0)
            {
                continue;
            }

            result.Add(new DeviceLog
            {
                File = file.GetString()!,
                Size = size,
                Timezone = entry.Child("timezone").AsInt32(),
                StartDate = entry.Child("start_date").AsInt64() ?? 0,
                EndDate = entry.Child("end_date").AsInt64() ?? 0,
                Duration = entry.Child("duration").AsInt64() ?? 0,
                Distance = entry.Child("distance").AsInt64() ?? 0,
                Best2s = entry.Child("2s_best").AsInt64() ?? 0,
                Best10s = entry.Child("10s_best").AsInt64() ?? 0,
                Best500m = entry.Child("500m_best").AsInt64() ?? 0,
            });
        }

        return result;
    }
}
