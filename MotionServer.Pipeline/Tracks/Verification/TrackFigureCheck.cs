using System.Globalization;

namespace MotionServer.Pipeline.Tracks.Verification;

/// <summary>
/// Compares a set of figures (the file's header, or the device's logs.json entry) with the ones recomputed from the
/// GNSS frames, with the tolerances of the format notes (§7, §9). A zero figure means "not recorded" and is skipped.
/// <list type="bullet">
/// <item>start: one sample period before the first frame (exact on every real file); anything from the first frame
/// back to one period before is accepted.</item>
/// <item>end: 0–600 ms after the last frame (at most one sample period at rates below 2 Hz).</item>
/// <item>duration: what those two allow.</item>
/// <item>distance: the device's rule is unknown (the plain Doppler sum is 0.3–5 % above the header, the sum over
/// frames of at least 0.5 m/s within about 1 %): compared loosely, only a figure far outside both is a defect, and a
/// note says how far it is.</item>
/// <item>best 2 s, 10 s and 500 m: exact (reproduced exactly on every real file) — unless the log has gaps, where the
/// device's rule is unknown: then a difference is only a note.</item>
/// </list>
/// </summary>
/// <param name="frames">What the frames say.</param>
/// <param name="kind">The kind of defect a disagreement is.</param>
/// <param name="source">Whose figures these are, the first word of every sentence: <c>header</c> or <c>logs.json</c>.</param>
/// <param name="defects">Where disagreements go.</param>
/// <param name="notes">Where loose comparisons go, and disagreements when <paramref name="onlyNotes"/>.</param>
/// <param name="onlyNotes">
/// True when a disagreement must not make the track damaged, only a note: the figures' relation to the file is not
/// confirmed (logs.json next to a header that agrees with its frames).
/// </param>
internal sealed class TrackFigureCheck(
    FrameFigures frames, TrackDefectKind kind, string source, List<TrackDefect> defects, List<string> notes, bool onlyNotes = false)
{
    /// <summary>What a note adds when a disagreement is only a note.</summary>
    private const string Unconfirmed = " (not flagged: whether devices fill logs.json from the file's header is unconfirmed, and the header agrees with the frames)";

    /// <summary>Slack of the loose distance comparison, on top of the band the notes give.</summary>
    private const double DistanceSlack = 0.05;

    /// <summary>Absolute slack of the distance comparison, mm: short logs make percentages meaningless.</summary>
    private const long DistanceFloor = 50_000;

    /// <summary>The largest end offset the notes observed, ms.</summary>
    private const long EndTolerance = 600;

    public void Compare(long startDate, long endDate, long duration, long distance, long best2s, long best10s, long best500m)
    {
        long period = Math.Max(1, frames.SamplePeriod);
        long endSlack = Math.Max(EndTolerance, period);
        if (startDate != 0)
        {
            long before = frames.FirstFrameTime - startDate;
            Expect(before >= 0 && before <= period, $"start_date is {before} ms before the first frame (expected {period} ms)");
        }

        if (endDate != 0)
        {
            long after = endDate - frames.LastFrameTime;
            Expect(after >= 0 && after <= endSlack, $"end_date is {after} ms after the last frame (expected 0 to {endSlack} ms)");
        }

        if (duration != 0)
        {
            long span = frames.LastFrameTime - frames.FirstFrameTime;
            Expect(duration >= span && duration <= span + period + endSlack,
                $"duration {duration} ms, the frames span {span} ms (expected {span} to {span + period + endSlack} ms)");
        }

        if (distance != 0)
        {
            CompareDistance(distance);
        }

        CompareBest("best 2 s", best2s, frames.Best2s);
        CompareBest("best 10 s", best10s, frames.Best10s);
        CompareBest("best 500 m", best500m, frames.Best500m);
    }

    private void CompareDistance(long distance)
    {
        long plain = frames.Distance;
        long moving = frames.MovingDistance;
        long low = (long)(Math.Min(plain, moving) * (1 - DistanceSlack)) - DistanceFloor;
        long high = (long)(plain * (1 + DistanceSlack)) + DistanceFloor;
        double percent = distance == 0 ? 0 : (plain - distance) * 100.0 / distance;
        string comparison = Format($"distance {Km(distance)} km, frames {Km(plain)} km ({percent:+0.0;-0.0;0.0} %)");
        if (distance < low || distance > high)
        {
            Disagree($"{source} {comparison}: too far from the frames");
        }
        else
        {
            notes.Add($"{source} {comparison}: compared loosely (the device's rule is unknown)");
        }
    }

    private void CompareBest(string name, long claimed, long recomputed)
    {
        if (claimed == 0 || claimed == recomputed)
        {
            return;
        }

        string text = Format($"{source} {name} {claimed} mm/s, frames {recomputed} mm/s");
        if (frames.HasGaps)
        {
            notes.Add($"{text}: the log has gaps, where the device's rule is unknown");
        }
        else
        {
            Disagree(text);
        }
    }

    private void Expect(bool condition, FormattableString problem)
    {
        if (!condition)
        {
            Disagree($"{source} {Format(problem)}");
        }
    }

    private void Disagree(string text)
    {
        if (onlyNotes)
        {
            notes.Add(text + Unconfirmed);
        }
        else
        {
            defects.Add(new TrackDefect(kind, text));
        }
    }

    private static string Km(long millimetres) => (millimetres / 1_000_000.0).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
