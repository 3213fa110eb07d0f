using System.Globalization;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// Says why a track is suspect, one sentence per category: where the rules moved a speed category by more than the
/// threshold (naming the device's best window, its end as UTC <c>HH:mm:ss</c>, and what was wrong with the frames it
/// held), and where a figure by the rules is faster than anything that sails.
/// </summary>
internal static class SuspectJudge
{
    /// <summary>The reasons; empty for a healthy track.</summary>
    public static IReadOnlyList<SuspectReason> Judge(FigureSet device, FigureSet filtered, ResultRules rules)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(filtered);
        ArgumentNullException.ThrowIfNull(rules);
        var deviceFigures = device.Figures();
        var ruleFigures = filtered.Figures();
        var reasons = new List<SuspectReason>();
        foreach (var category in ResultCategories.All)
        {
            double? byDevice = ResultCategories.Of(deviceFigures, category);
            double? byRules = ResultCategories.Of(ruleFigures, category);
            if (byDevice is { } value && Math.Abs(value - (byRules ?? 0)) > rules.SuspectThresholdKnots)
            {
                reasons.Add(Moved(category, value, byRules, DeviceWindow(device, category)));
            }
            else if (byRules > rules.MaximumPlausibleKnots)
            {
                reasons.Add(Implausible(category, byRules.Value, rules.MaximumPlausibleKnots));
            }
        }

        // Most tracks have none, and the fleet keeps every track's results while the server runs: none costs nothing.
        return reasons.Count == 0 ? Array.Empty<SuspectReason>() : reasons;
    }

    private static (WindowSpeed Window, FaultSummary Faults) DeviceWindow(FigureSet device, ResultCategory category)
    {
        if (category != ResultCategory.FiveByTenSeconds)
        {
            var best = device.Best(category);
            return (best.Window, best.Faults);
        }

        var runs = device.FiveRuns.Best;
        var faults = runs.Aggregate(FaultSummary.Empty, (summary, run) => summary.Merge(run.Faults));
        return (runs[0].Window, faults);
    }

    private static SuspectReason Moved(ResultCategory category, double byDevice, double? byRules, (WindowSpeed Window, FaultSummary Faults) best)
    {
        string label = ResultCategories.Label(category);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(best.Window.EndUtc);
        string what = best.Faults.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"is a glitch ({best.Faults.Describe()})")
            : "holds no frame the rules set aside, but crosses a gap or the frames next to one";
        string rules = byRules is { } figure
            ? string.Create(CultureInfo.InvariantCulture, $"by the rules {label} is {figure:0.0} kn")
            : string.Create(CultureInfo.InvariantCulture, $"by the rules {label} has no figure");
        string text = string.Create(CultureInfo.InvariantCulture, $"{label} {byDevice:0.0} kn at {at:HH:mm:ss} {what}; {rules}");
        return new SuspectReason(ResultCategories.Key(category), at, text);
    }

    private static SuspectReason Implausible(ResultCategory category, double byRules, double limit)
    {
        string label = ResultCategories.Label(category);
        string text = string.Create(
            CultureInfo.InvariantCulture,
            $"by the rules {label} is {byRules:0.0} kn, faster than anything sails (more than {limit:0.#} kn)");
        return new SuspectReason(ResultCategories.Key(category), null, text);
    }
}
