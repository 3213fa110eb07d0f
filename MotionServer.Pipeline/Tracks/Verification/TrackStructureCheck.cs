using System.Globalization;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tracks.Verification;

/// <summary>
/// Turns what a walk found into structural defects (format notes §8, §10): truncation, bad checksums, unknown bytes,
/// a missing or misplaced header. Tolerated as the notes say: extra header frames anywhere, and the <c>5D 7D</c> end
/// marker when no frame follows it (what those bytes are is unknown; one real file ends with them). And the 1,024
/// bytes devices serve beyond one header and the GNSS frames (sizes are 1,536 + 52·n): what they hold is unknown,
/// so whatever the reader makes of them — right after the first header or at the very end — is only a note.
/// A damaged track's report stays short: the first <see cref="CappedDefects.Shown"/> defects of a kind in full,
/// then one line with the count of the rest (anomalies the walk counted without keeping them are among the rest).
/// </summary>
internal static class TrackStructureCheck
{
    /// <summary>The unexplained bytes of device-served files (§8).</summary>
    private const int DeviceExtraBytes = 1024;

    /// <summary>A device-served size: 1,536 + 52·n.</summary>
    private const int DeviceBaseSize = OaoFrame.HeaderLength + DeviceExtraBytes;

    public static void Check(OaoWalk walk, List<TrackDefect> defects, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(walk);
        var unknownRuns = new CappedDefects(TrackDefectKind.UnknownBytes, "unknown-byte runs", defects);
        var badHeaders = new CappedDefects(TrackDefectKind.BadChecksum, "header frames with a bad checksum", defects);
        var badFrames = new BadChecksums();
        foreach (var anomaly in InFull(walk.Anomalies))
        {
            if (anomaly.Kind != OaoAnomalyKind.TrailingBytes && InDeviceExtraBytes(walk.Length, anomaly))
            {
                notes.Add($"{anomaly} - within the 1,024 unexplained bytes devices serve: not flagged");
                continue;
            }

            switch (anomaly.Kind)
            {
                case OaoAnomalyKind.BadChecksum when anomaly.Mode == (ushort)OaoFrameMode.Header:
                    badHeaders.Add(Format($"bad checksum in the header frame at offset {anomaly.Offset}"));
                    break;
                case OaoAnomalyKind.BadChecksum:
                    badFrames.Add(anomaly);
                    break;
                case OaoAnomalyKind.Resynchronised:
                    unknownRuns.Add(Format($"{anomaly.ByteCount} unknown bytes at offset {anomaly.Offset}"));
                    break;
                case OaoAnomalyKind.Truncated:
                    defects.Add(new TrackDefect(TrackDefectKind.Truncated, Format(
                        $"cut mid-frame: the last {anomaly.ByteCount} bytes (from offset {anomaly.Offset}) are an incomplete frame")));
                    break;
                case OaoAnomalyKind.TrailingBytes when walk.FrameAfterEndMarker:
                    defects.Add(new TrackDefect(TrackDefectKind.UnknownBytes, Format(
                        $"end marker 5D 7D at offset {anomaly.Offset} with frames after it ({anomaly.ByteCount - 2} bytes not read)")));
                    break;
            }
        }

        // What the walk counted without keeping it: past its cap, so never the first of a kind (nor the last anomaly).
        unknownRuns.AddUnseen(Dropped(walk.Anomalies, OaoAnomalyKind.Resynchronised));
        badFrames.AddUnseen(Dropped(walk.Anomalies, OaoAnomalyKind.BadChecksum));
        unknownRuns.Close();
        badHeaders.Close();
        badFrames.Report(defects);
        CheckHeaderPlace(walk, defects);
    }

    /// <summary>The anomalies known in full, in file order: those the log kept, and its last one.</summary>
    private static IEnumerable<OaoAnomaly> InFull(OaoAnomalyLog log)
    {
        foreach (var anomaly in log.Kept)
        {
            yield return anomaly;
        }

        if (LastIsDropped(log))
        {
            yield return log.Last!;
        }
    }

    private static int Dropped(OaoAnomalyLog log, OaoAnomalyKind kind) =>
        log.DroppedOf(kind) - (LastIsDropped(log) && log.Last!.Kind == kind ? 1 : 0);

    private static bool LastIsDropped(OaoAnomalyLog log) =>
        log.Last is { } last && (log.Kept.Count == 0 || !ReferenceEquals(log.Kept[^1], last));

    private static void CheckHeaderPlace(OaoWalk walk, List<TrackDefect> defects)
    {
        if (walk.StartsWithValidHeader)
        {
            return;
        }

        if (walk.Anomalies.Kept.Any(a => a.Offset == 0 && a.Kind == OaoAnomalyKind.BadChecksum && a.Mode == (ushort)OaoFrameMode.Header))
        {
            return; // the header is there but damaged: already said
        }

        defects.Add(walk.HeaderCount > 0
            ? new TrackDefect(TrackDefectKind.MisplacedHeader, "the file does not begin with its header frame (a header comes later)")
            : new TrackDefect(TrackDefectKind.MissingHeader, walk.Length == 0 ? "the file is empty (no header frame)" : "no header frame"));
    }

    /// <summary>
    /// True when the file has a device-served size and the anomaly lies wholly within its 1,024 unexplained bytes:
    /// right after the first header, or the last 1,024 bytes of the file (where they are is unknown too).
    /// </summary>
    private static bool InDeviceExtraBytes(long length, OaoAnomaly anomaly)
    {
        if (length < DeviceBaseSize || (length - DeviceBaseSize) % OaoFrame.GnssLength != 0)
        {
            return false;
        }

        long end = (long)anomaly.Offset + anomaly.ByteCount;
        return (anomaly.Offset >= OaoFrame.HeaderLength && end <= DeviceBaseSize)
            || (anomaly.Offset >= length - DeviceExtraBytes && end == length);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Frames with a bad checksum: one line, their count and the first.</summary>
    private sealed class BadChecksums
    {
        private OaoAnomaly? _first;
        private int _count;

        public void Add(OaoAnomaly anomaly)
        {
            _first ??= anomaly;
            _count++;
        }

        public void AddUnseen(int count) => _count += count;

        public void Report(List<TrackDefect> defects)
        {
            if (_first is { } first)
            {
                defects.Add(new TrackDefect(TrackDefectKind.BadChecksum, _count == 1
                    ? Format($"bad checksum in frame 0x{first.Mode:X4} at offset {first.Offset}")
                    : Format($"{_count:N0} frames with a bad checksum, the first 0x{first.Mode:X4} at offset {first.Offset}")));
            }
        }
    }
}
