using System.Globalization;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tracks.Verification;

/// <summary>
/// Turns what the reader found into structural defects (format notes §8, §10): truncation, bad checksums, unknown bytes,
/// a missing or misplaced header. Tolerated as the notes say: extra header frames anywhere, and the <c>5D 7D</c> end
/// marker when no frame follows it (what those bytes are is unknown; one real file ends with them). And the 1,024
/// bytes devices serve beyond one header and the GNSS frames (sizes are 1,536 + 52·n): what they hold is unknown,
/// so whatever the reader makes of them — right after the first header or at the very end — is only a note.
/// </summary>
internal static class TrackStructureCheck
{
    /// <summary>The unexplained bytes of device-served files (§8).</summary>
    private const int DeviceExtraBytes = 1024;

    /// <summary>A device-served size: 1,536 + 52·n.</summary>
    private const int DeviceBaseSize = OaoFrame.HeaderLength + DeviceExtraBytes;

    public static void Check(ReadOnlySpan<byte> content, OaoReadResult result, List<TrackDefect> defects, List<string> notes)
    {
        OaoAnomaly? firstBadChecksum = null;
        int badChecksums = 0;
        foreach (var anomaly in result.Anomalies)
        {
            if (anomaly.Kind != OaoAnomalyKind.TrailingBytes && InDeviceExtraBytes(content.Length, anomaly))
            {
                notes.Add($"{anomaly} - within the 1,024 unexplained bytes devices serve: not flagged");
                continue;
            }

            switch (anomaly.Kind)
            {
                case OaoAnomalyKind.BadChecksum when anomaly.Mode == (ushort)OaoFrameMode.Header:
                    defects.Add(new TrackDefect(TrackDefectKind.BadChecksum, Format($"bad checksum in the header frame at offset {anomaly.Offset}")));
                    break;
                case OaoAnomalyKind.BadChecksum:
                    firstBadChecksum ??= anomaly;
                    badChecksums++;
                    break;
                case OaoAnomalyKind.Resynchronised:
                    defects.Add(new TrackDefect(TrackDefectKind.UnknownBytes, Format($"{anomaly.ByteCount} unknown bytes at offset {anomaly.Offset}")));
                    break;
                case OaoAnomalyKind.Truncated:
                    defects.Add(new TrackDefect(TrackDefectKind.Truncated, Format(
                        $"cut mid-frame: the last {anomaly.ByteCount} bytes (from offset {anomaly.Offset}) are an incomplete frame")));
                    break;
                case OaoAnomalyKind.TrailingBytes when FrameFollows(content, anomaly.Offset):
                    defects.Add(new TrackDefect(TrackDefectKind.UnknownBytes, Format(
                        $"end marker 5D 7D at offset {anomaly.Offset} with frames after it ({anomaly.ByteCount - 2} bytes not read)")));
                    break;
            }
        }

        if (firstBadChecksum is { } first)
        {
            defects.Add(new TrackDefect(TrackDefectKind.BadChecksum, badChecksums == 1
                ? Format($"bad checksum in frame 0x{first.Mode:X4} at offset {first.Offset}")
                : Format($"{badChecksums} frames with a bad checksum, the first 0x{first.Mode:X4} at offset {first.Offset}")));
        }

        CheckHeaderPlace(content, result, defects);
    }

    private static void CheckHeaderPlace(ReadOnlySpan<byte> content, OaoReadResult result, List<TrackDefect> defects)
    {
        if (StartsWithValidHeader(content))
        {
            return;
        }

        if (result.Anomalies.Any(a => a.Offset == 0 && a.Kind == OaoAnomalyKind.BadChecksum && a.Mode == (ushort)OaoFrameMode.Header))
        {
            return; // the header is there but damaged: already said
        }

        defects.Add(result.Headers.Count > 0
            ? new TrackDefect(TrackDefectKind.MisplacedHeader, "the file does not begin with its header frame (a header comes later)")
            : new TrackDefect(TrackDefectKind.MissingHeader, content.IsEmpty ? "the file is empty (no header frame)" : "no header frame"));
    }

    /// <summary>
    /// True when the file has a device-served size and the anomaly lies wholly within its 1,024 unexplained bytes:
    /// right after the first header, or the last 1,024 bytes of the file (where they are is unknown too).
    /// </summary>
    private static bool InDeviceExtraBytes(int length, OaoAnomaly anomaly)
    {
        if (length < DeviceBaseSize || (length - DeviceBaseSize) % OaoFrame.GnssLength != 0)
        {
            return false;
        }

        int end = anomaly.Offset + anomaly.ByteCount;
        return (anomaly.Offset >= OaoFrame.HeaderLength && end <= DeviceBaseSize)
            || (anomaly.Offset >= length - DeviceExtraBytes && end == length);
    }

    private static bool StartsWithValidHeader(ReadOnlySpan<byte> content) =>
        content.Length >= OaoFrame.HeaderLength
        && OaoFrame.ReadMode(content) == (ushort)OaoFrameMode.Header
        && OaoChecksum.IsValid(content[..OaoFrame.HeaderLength]);

    /// <summary>True when a valid frame lies after the end marker at <paramref name="markerOffset"/> (data the marker would hide).</summary>
    private static bool FrameFollows(ReadOnlySpan<byte> content, int markerOffset) =>
        OaoFrameWalker.NextFrame(content, markerOffset + 2) < content.Length - 2;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
