namespace MotionServer.Host.Results;

/// <summary>
/// <c>results --event-dir DIR [--date yyyyMMdd]</c>: rebuilds the day's results files from the tracks on disk.
/// </summary>
internal static class DayResultsRebuild
{
    /// <summary>Rebuilds the results files of <paramref name="day"/> (null: today); returns the exit code.</summary>
    public static int Run(string eventDirectory, DateOnly? day, TextWriter output, TextWriter error)
    {
        // wired to the day's results files (the pipeline's rebuild) at merge
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine($"MotionServer.Host results: rebuilding the day's results is not available yet ({eventDirectory}, {day?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) ?? "today"})");
        return ExitCodes.Failure;
    }
}
