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
    /// <summary>
    /// One track in memory at a time, process-wide: a file and its decoded frames take about twice its size, so four
    /// workers finishing 26 MB tracks together would hold some 200 MB at once. Verifying takes ~70 ms for such a track
    /// (benchmarks/README.md), so a worker waits at most a few hundred milliseconds here.
    /// </summary>
    private static readonly Lock OneAtATime = new();

    /// <summary>Verifies a whole file in memory.</summary>
    /// <param name="content">The file.</param>
    /// <param name="claims">The device's logs.json figures for it, or null when unknown.</param>
    public static TrackVerdict Verify(ReadOnlySpan<byte> content, TrackClaims? claims = null)
    {
        var defects = new List<TrackDefect>();
        var notes = new List<string>();
        var result = OaoReader.Read(content);
        TrackStructureCheck.Check(content, result, defects, notes);
        if (result.Frames.Count == 0)
        {
            CheckEmpty(result.Header, claims, defects);
            return new TrackVerdict { Defects = defects, Notes = notes };
        }

        var figures = FrameFigures.Of(result);
        bool headerAgrees = false;
        if (result.Header is { HasSummary: true } header)
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

    /// <summary>
    /// <see cref="VerifyFile"/>, and a verifier that breaks (it must not, whatever the bytes) is an
    /// <see cref="TrackDefectKind.Unreadable"/> verdict saying so: the track is on disk either way and must never vanish
    /// because its check failed.
    /// </summary>
    internal static TrackVerdict VerifyFileOrReport(string path, TrackClaims? claims)
    {
        try
        {
            return VerifyFile(path, claims);
        }
#pragma warning disable CA1031 // a verifier bug must not fault the worker that holds the track
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return new TrackVerdict { Defects = [new TrackDefect(TrackDefectKind.Unreadable, $"verification could not run: {e.GetType().Name}: {e.Message}")] };
        }
    }

    /// <summary>Verifies a file on disk; a file that cannot be read is an <see cref="TrackDefectKind.Unreadable"/> verdict.</summary>
    /// <param name="path">The file.</param>
    /// <param name="claims">The device's logs.json figures for it, or null when unknown.</param>
    public static TrackVerdict VerifyFile(string path, TrackClaims? claims = null)
    {
        // Not from ArrayPool.Shared: it keeps large arrays per thread for good, and the server would carry the largest
        // tracks of the day in memory while at rest. Below the large-object threshold (the host's runtimeconfig), the
        // buffer dies young and is collected within seconds.
        using var scope = OneAtATime.EnterScope();
        try
        {
            byte[] content;
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0))
            {
                content = GC.AllocateUninitializedArray<byte>(checked((int)file.Length));
                file.ReadExactly(content);
            }

            return Verify(content, claims);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OverflowException)
        {
            return new TrackVerdict { Defects = [new TrackDefect(TrackDefectKind.Unreadable, $"cannot read the file: {e.Message}")] };
        }
    }

    /// <summary>A log without GNSS frames (switched on, never sailed) is valid unless something claims it sailed.</summary>
    private static void CheckEmpty(OaoHeader? header, TrackClaims? claims, List<TrackDefect> defects)
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
