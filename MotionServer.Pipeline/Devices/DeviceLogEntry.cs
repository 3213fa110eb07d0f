using System.Text.Json;
using static MotionServer.Pipeline.Devices.DeviceValueRanges;

namespace MotionServer.Pipeline.Devices;

/// <summary>
/// Parses one logs.json entry at the edge into a validated <see cref="DeviceLog"/>. <c>file</c>, <c>size</c> and
/// <c>start_date</c> are needed (the path to fetch, the length to check, the local name); the figures may be absent
/// (older firmware) and then count as 0, but a figure that is present must be believable.
/// </summary>
internal static class DeviceLogEntry
{
    /// <summary>The figures in the order <see cref="Read"/> fills them, each with its largest believable value.</summary>
    private static readonly (string Name, long Max)[] FigureFields =
    [
        ("end_date", LatestDate), ("duration", MaxDuration), ("distance", MaxDistance),
        ("2s_best", MaxSpeed), ("10s_best", MaxSpeed), ("500m_best", MaxSpeed),
    ];

    /// <returns>Null when <paramref name="log"/> is good; otherwise why the entry cannot be a track.</returns>
    public static string? Read(JsonElement entry, out DeviceLog? log, out string? file)
    {
        log = null;
        file = null;
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return $"the entry is {entry.ValueKind.ToString().ToLowerInvariant()}, not an object";
        }

        switch (entry.Child("file"))
        {
            case null:
                return "file is missing";
            case { ValueKind: JsonValueKind.String } path when JsonFields.TryGetText(path, out file):
                break;
            case { ValueKind: JsonValueKind.String }:
                return "file is not valid text (a broken UTF-16 escape)";
            case { } other:
                return $"file is {other.ValueKind.ToString().ToLowerInvariant()}, not text";
        }

        if (entry.Child("size").ReadInteger("size", 1, MaxSize, out long size) is { } sizeProblem)
        {
            return sizeProblem;
        }

        if (entry.Child("start_date").ReadInteger("start_date", 0, LatestDate, out long start) is { } startProblem)
        {
            return startProblem;
        }

        int? timezone = null;
        if (Optional(entry, "timezone", MinTimezone, MaxTimezone, out long zone, out string? zoneProblem))
        {
            timezone = (int)zone;
        }

        var figures = new long[FigureFields.Length];
        string? problem = zoneProblem;
        for (int i = 0; i < FigureFields.Length && problem is null; i++)
        {
            problem = Figure(entry, FigureFields[i].Name, FigureFields[i].Max, out figures[i]);
        }

        if (problem is not null)
        {
            return problem;
        }

        log = new DeviceLog
        {
            File = file!,
            Size = size,
            Timezone = timezone,
            StartDate = start,
            EndDate = figures[0],
            Duration = figures[1],
            Distance = figures[2],
            Best2s = figures[3],
            Best10s = figures[4],
            Best500m = figures[5],
        };
        return null;
    }

    /// <summary>A figure: absent or null counts as 0; present, it must be a whole number in [0, max].</summary>
    private static string? Figure(JsonElement entry, string field, long max, out long value)
    {
        Optional(entry, field, 0, max, out value, out string? problem);
        return problem;
    }

    /// <returns>True when the value is present and good; false with no problem when absent or null.</returns>
    private static bool Optional(JsonElement entry, string field, long min, long max, out long value, out string? problem)
    {
        value = 0;
        problem = null;
        if (entry.Child(field) is not { ValueKind: not JsonValueKind.Null } element)
        {
            return false;
        }

        problem = ((JsonElement?)element).ReadInteger(field, min, max, out value);
        return problem is null;
    }
}
