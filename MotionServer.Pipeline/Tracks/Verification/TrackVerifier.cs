using System.Globalization;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tracks.Verification;

/// <summary>
/// Checks that a track is whole and says what it holds: every frame and checksum walked, the structure checked
/// (<see cref="TrackStructureCheck"/>), the summary recomputed from the GNSS frames and compared with the file's own
/// header and with the device's logs.json entry (<see cref="TrackFigureCheck"/>). Header figures that are zero
/// (ESP-GPS, older firmware) are "not recorded", never a mismatch. A logs.json disagreement is a defect only when the
/// file has no header summary that agrees with its frames (otherwise a note). Never throws on bad data.
/// </summary>
internal static class TrackVerifier
{
    /// <summary>Verifies a whole file in memory.</summary>
    /// <param name="content">The file.</param>
    /// <param name="claims">The device's logs.json figures for it, or null when unknown.</param>
    /// <param name="alongside">A second sink fed in the same pass (the first pass only), or null.</param>
    /// <param name="cancellationToken">Stops the pass.</param>
    public static TrackVerdict Verify(
        ReadOnlySpan<byte> content, TrackFigures? claims = null, IOaoFrameSink? alongside = null, CancellationToken cancellationToken = default)
    {
        var sink = new FrameFigureSink();
        var walk = Walker(Both(sink, alongside), cancellationToken).Walk(content);
        var figures = sink.Finish(out int frequency);
        if (figures is null)
        {
            var again = new FrameFigureSink(frequency);
            Walker(again, cancellationToken).Walk(content);
            figures = again.Finish(out _)!;
        }

        return Conclude(walk, sink.Header, figures, claims);
    }

    /// <summary>
    /// <see cref="VerifyFile"/>, and a verifier that breaks (it must not, whatever the bytes) is an
    /// <see cref="TrackDefectKind.Unreadable"/> verdict saying so: the track is on disk either way and must never vanish
    /// because its check failed. Cancellation is not a verdict: it throws.
    /// </summary>
    internal static TrackVerdict VerifyFileOrReport(
        string path, TrackFigures? claims, IOaoFrameSink? alongside = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return VerifyFile(path, claims, alongside, cancellationToken);
        }
#pragma warning disable CA1031 // a verifier bug must not fault the worker that holds the track
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
#pragma warning restore CA1031
        {
            return new TrackVerdict { Defects = [new TrackDefect(TrackDefectKind.Unreadable, $"verification could not run: {e.GetType().Name}: {e.Message}")] };
        }
    }

    /// <summary>
    /// Verifies a file on disk in one pass through a 64 KiB buffer: memory does not depend on the track's size (no
    /// process-wide lock is needed, as it was while a whole file and its frames were held: four workers verify at
    /// once for a few hundred KiB). A file that cannot be read is an <see cref="TrackDefectKind.Unreadable"/> verdict.
    /// A log whose frequency is not known when its first frame comes (no header, or none recorded) is read twice.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="claims">The device's logs.json figures for it, or null when unknown.</param>
    /// <param name="alongside">A second sink fed in the same pass (the first pass only), or null.</param>
    /// <param name="cancellationToken">Stops the pass (<see cref="OperationCanceledException"/>).</param>
    public static TrackVerdict VerifyFile(
        string path, TrackFigures? claims = null, IOaoFrameSink? alongside = null, CancellationToken cancellationToken = default)
    {
        try
        {
            // bufferSize 0: the walker's own buffer is the only one.
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
            var sink = new FrameFigureSink();
            var walk = Walker(Both(sink, alongside), cancellationToken).Walk(file);
            var figures = sink.Finish(out int frequency);
            if (figures is null)
            {
                file.Position = 0;
                var again = new FrameFigureSink(frequency);
                Walker(again, cancellationToken).Walk(file);
                figures = again.Finish(out _)!;
            }

            return Conclude(walk, sink.Header, figures, claims);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OverflowException)
        {
            return new TrackVerdict { Defects = [new TrackDefect(TrackDefectKind.Unreadable, $"cannot read the file: {e.Message}")] };
        }
    }

    private static OaoFrameWalker Walker(IOaoFrameSink sink, CancellationToken cancellationToken) =>
        new(OaoReaderOptions.Default, sink, new OaoAnomalyLog(), cancellationToken);

    private static IOaoFrameSink Both(IOaoFrameSink sink, IOaoFrameSink? alongside) =>
        alongside is null ? sink : new OaoFrameSinkPair(sink, alongside);

    /// <summary>The verdict on what a pass found: structure, then the figures against the header's and the device's.</summary>
    private static TrackVerdict Conclude(OaoWalk walk, OaoHeader? header, FrameFigures figures, TrackFigures? claims)
    {
        var defects = new List<TrackDefect>();
        var notes = new List<string>();
        TrackStructureCheck.Check(walk, defects, notes);
        if (figures.FrameCount == 0)
        {
            CheckEmpty(header, claims, defects);
            return new TrackVerdict { Defects = defects, Notes = notes };
        }

        bool headerAgrees = false;
        if (header is { HasSummary: true })
        {
            int before = defects.Count;
            new TrackFigureCheck(figures, TrackDefectKind.HeaderMismatch, "header", defects, notes).Compare(
                header.StartDate, header.EndDate, header.Duration, header.Distance,
                OaoHeader.BestOf(header.BestsOver2s), OaoHeader.BestOf(header.BestsOver10s), OaoHeader.BestOf(header.BestsOver500m));
            headerAgrees = defects.Count == before;
        }
        else
        {
            notes.Add("the header holds no summary (not recorded): figures from the frames only");
        }

        if (claims is not null)
        {
            // That devices fill logs.json from the header is likely but unconfirmed (§7): next to a header that agrees
            // with its frames, a logs.json that does not is reported, but does not make a whole file damaged.
            new TrackFigureCheck(figures, TrackDefectKind.DeviceMismatch, "logs.json", defects, notes, onlyNotes: headerAgrees).Compare(
                claims.StartDate, claims.EndDate, claims.Duration, claims.Distance, claims.Best2s, claims.Best10s, claims.Best500m);
        }

        return new TrackVerdict { Defects = defects, Summary = figures.ToVerified(), Notes = notes };
    }

    /// <summary>A log without GNSS frames (switched on, never sailed) is valid unless something claims it sailed.</summary>
    private static void CheckEmpty(OaoHeader? header, TrackFigures? claims, List<TrackDefect> defects)
    {
        if (header is { Distance: > 0 })
        {
            defects.Add(new TrackDefect(TrackDefectKind.HeaderMismatch, Format($"header distance {header.Distance} mm, but the file holds no GNSS frame")));
        }

        if (claims is { Distance: > 0 })
        {
            defects.Add(new TrackDefect(TrackDefectKind.DeviceMismatch, Format($"logs.json distance {claims.Distance} mm, but the file holds no GNSS frame")));
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
