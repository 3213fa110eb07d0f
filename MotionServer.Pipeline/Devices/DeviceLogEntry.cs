using System.Text.Json;
using static MotionServer.Pipeline.Devices.DeviceValueRanges;

namespace MotionServer.Pipeline.Devices;

/// <summary>
/// Parses one logs.json entry at the edge into a validated <see cref="DeviceLog"/>. What chooses, fetches or names the
/// track (<c>file</c>, <c>size</c>, <c>start_date</c>, <c>timezone</c>) must be right, or the entry is refused. The
/// figures are only reported: absent (older firmware) they count as 0, and one that cannot be right is dropped as
/// unknown (0) with its reason, while the track is still fetched: a track is never lost for a figure about it.
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
    /// <param name="entry">The entry.</param>
    /// <param name="log">The track, when the entry can be one.</param>
    /// <param name="file">Its <c>file</c>, when that much could be read.</param>
    /// <param name="dropped">Figures that could not be right, each with its reason (read as unknown).</param>
    public static string? Read(JsonElement entry, out DeviceLog? log, out string? file, out IReadOnlyList<string> dropped)
    {
        log = null;
        dropped = [];
        (long Size, long Start, int? Timezone) needed = default;
        if ((ReadFile(entry, out file) ?? ReadNeeded(entry, out needed)) is { } refusal)
        {
            return refusal;
        }

        var figures = ReadFigures(entry, out dropped);
        log = new DeviceLog
        {
            File = file!,
            Size = needed.Size,
            Timezone = needed.Timezone,
            StartDate = needed.Start,
            EndDate = figures[0],
            Duration = figures[1],
            Distance = figures[2],
            Best2s = figures[3],
            Best10s = figures[4],
            Best500m = figures[5],
        };
        return null;
    }

    /// <returns>Why the entry has no usable <c>file</c>, or null.</returns>
    private static string? ReadFile(JsonElement entry, out string? file)
    {
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
                return null;
            case { ValueKind: JsonValueKind.String }:
                return "file is not valid text (a broken UTF-16 escape)";
            case { } other:
                return $"file is {other.ValueKind.ToString().ToLowerInvariant()}, not text";
        }
    }

    /// <summary>What the track is fetched and named by: its length, its start and its time zone.</summary>
    /// <returns>Why one of them cannot be right (the entry is refused), or null.</returns>
    private static string? ReadNeeded(JsonElement entry, out (long Size, long Start, int? Timezone) needed)
    {
        needed = default;
        if (entry.Child("size").ReadInteger("size", 1, MaxSize, out long size) is { } sizeProblem)
        {
            return sizeProblem;
        }

        if (entry.Child("start_date").ReadInteger("start_date", 0, LatestDate, out long start) is { } startProblem)
        {
            return startProblem;
        }

        // The local date, hence whether the track is the event's and its name, depends on the time zone.
        bool zoned = Optional(entry, "timezone", MinTimezone, MaxTimezone, out long zone, out string? zoneProblem);
        needed = (size, start, zoned ? (int)zone : null);
        return zoneProblem;
    }

    /// <summary>The figures that are only reported, in <see cref="FigureFields"/> order; one that cannot be right reads as 0.</summary>
    private static long[] ReadFigures(JsonElement entry, out IReadOnlyList<string> dropped)
    {
        var figures = new long[FigureFields.Length];
        var problems = new List<string>();
        for (int i = 0; i < FigureFields.Length; i++)
        {
            if (Figure(entry, FigureFields[i].Name, FigureFields[i].Max, out figures[i]) is { } problem)
            {
                problems.Add(problem);
            }
        }

        dropped = problems;
        return figures;
    }

    /// <summary>A figure: absent or null counts as 0; present, it must be a whole number in [0, max], or it reads as 0 with the reason.</summary>
    private static string? Figure(JsonElement entry, string field, long max, out long value)
    {
        Optional(entry, field, 0, max, out value, out string? problem);
        if (problem is not null)
        {
            value = 0;
        }

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
