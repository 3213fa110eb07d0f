using System.Globalization;
using System.Text.RegularExpressions;

namespace MotionServer.Pipeline.Tracks;

/// <summary>
/// The local name of a track, always built from the roster: <c>&lt;FileId&gt;_&lt;id&gt;_&lt;yyyyMMdd&gt;_&lt;HHmmss&gt;.oao</c>
/// in the folder <c>gpslogs/&lt;yyyyMMdd&gt;</c>, with the track's local start date and time. Never built from the device's path.
/// </summary>
internal sealed partial record TrackName
{
    private TrackName(string fileId, int deviceId, DateTime localStart, string? variant = null)
    {
        FileId = fileId;
        DeviceId = deviceId;
        LocalStart = localStart;
        Variant = variant;
        DateFolder = localStart.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        FileName = variant is null
            ? string.Create(CultureInfo.InvariantCulture, $"{fileId}_{deviceId}_{localStart:yyyyMMdd}_{localStart:HHmmss}.oao")
            : string.Create(CultureInfo.InvariantCulture, $"{fileId}_{deviceId}_{localStart:yyyyMMdd}_{localStart:HHmmss}_{variant}.oao");
    }

    /// <summary>
    /// Null for the plain name. For a second log with the same local start second (the plain name is taken): eight
    /// lowercase hex digits derived from the log's path on the device (<see cref="ForSameSecond"/>), so the name is the
    /// same at every reconnection, and can never be a plain name (whose last part is six digits).
    /// </summary>
    public string? Variant { get; }

    /// <summary>The competitor's file id.</summary>
    public string FileId { get; }

    /// <summary>The device id.</summary>
    public int DeviceId { get; }

    /// <summary>Local start, to the second.</summary>
    public DateTime LocalStart { get; }

    /// <summary>The date folder, <c>yyyyMMdd</c>.</summary>
    public string DateFolder { get; }

    /// <summary>The file name.</summary>
    public string FileName { get; }

    /// <summary>Names a track.</summary>
    /// <exception cref="ArgumentException"><paramref name="fileId"/> is empty (a roster's File ID never is).</exception>
    public static TrackName Create(string fileId, int deviceId, DateTime localStart)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        var truncated = new DateTime(localStart.Ticks - (localStart.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified);
        return new TrackName(fileId, deviceId, truncated);
    }

    /// <summary>
    /// The name of a log that starts in the same local second as another one holding the plain name:
    /// <c>&lt;FileId&gt;_&lt;id&gt;_&lt;yyyyMMdd&gt;_&lt;HHmmss&gt;_&lt;8 hex&gt;.oao</c>, the hex being the first four bytes of the
    /// SHA-256 of <paramref name="devicePath"/> (UTF-8). Stable: it depends on nothing but the log itself.
    /// </summary>
    public TrackName ForSameSecond(string devicePath)
    {
        ArgumentNullException.ThrowIfNull(devicePath);
        byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(devicePath));
        return new TrackName(FileId, DeviceId, LocalStart, Convert.ToHexStringLower(hash.AsSpan(0, 4)));
    }

    /// <summary>
    /// The local start of a track: its UTC start (ms since the epoch) moved by the time zone (minutes east of UTC).
    /// </summary>
    /// <remarks>
    /// Never throws: a value beyond what a <see cref="DateTime"/> holds (a device's 2^63 ms, a ledger written by an older
    /// server) saturates at <see cref="DateTime.MinValue"/> or <see cref="DateTime.MaxValue"/>. Validated device values
    /// never come near (see <see cref="TryLocalStartOf"/>).
    /// </remarks>
    public static DateTime LocalStartOf(long startDateMilliseconds, int timezoneMinutes)
    {
        // In decimal, where no product or sum of these can overflow, then clamped into DateTime's range.
        decimal ticks = DateTime.UnixEpoch.Ticks
            + ((decimal)startDateMilliseconds * TimeSpan.TicksPerMillisecond)
            + ((decimal)timezoneMinutes * TimeSpan.TicksPerMinute);
        long clamped = (long)Math.Clamp(ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
        return new DateTime(clamped, DateTimeKind.Unspecified);
    }

    /// <summary>The local start, or false when it falls outside the years a <see cref="DateTime"/> holds.</summary>
    public static bool TryLocalStartOf(long startDateMilliseconds, int timezoneMinutes, out DateTime localStart)
    {
        localStart = LocalStartOf(startDateMilliseconds, timezoneMinutes);
        return localStart != DateTime.MinValue && localStart != DateTime.MaxValue;
    }

    /// <summary>Reads a local file name back (for ledgers written by this or an older server).</summary>
    public static bool TryParse(string fileName, out TrackName? name)
    {
        name = null;
        var match = NamePattern().Match(fileName ?? "");
        if (!match.Success
            || !int.TryParse(match.Groups["id"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int id)
            || !DateTime.TryParseExact(match.Groups["date"].Value + match.Groups["time"].Value, "yyyyMMddHHmmss",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return false;
        }

        name = new TrackName(match.Groups["file"].Value, id, start, match.Groups["variant"].Success ? match.Groups["variant"].Value : null);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => FileName;

    [GeneratedRegex(@"^(?<file>[A-Za-z0-9_-]+)_(?<id>[0-9]{1,9})_(?<date>[0-9]{8})_(?<time>[0-9]{6})(?:_(?<variant>[0-9a-f]{8}))?\.oao$")]
    private static partial Regex NamePattern();
}
