using System.Globalization;
using System.Text.RegularExpressions;

namespace MotionServer.Pipeline.Tracks;

/// <summary>
/// The local name of a track, always built from the roster: <c>&lt;FileId&gt;_&lt;id&gt;_&lt;yyyyMMdd&gt;_&lt;HHmmss&gt;.oao</c>
/// in the folder <c>gpslogs/&lt;yyyyMMdd&gt;</c>, with the track's local start date and time. Never built from the device's path.
/// </summary>
public sealed partial record TrackName
{
    private TrackName(string fileId, int deviceId, DateTime localStart)
    {
        FileId = fileId;
        DeviceId = deviceId;
        LocalStart = localStart;
        DateFolder = localStart.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        FileName = string.Create(CultureInfo.InvariantCulture, $"{fileId}_{deviceId}_{localStart:yyyyMMdd}_{localStart:HHmmss}.oao");
    }

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
    public static TrackName Create(string fileId, int deviceId, DateTime localStart)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        var truncated = new DateTime(localStart.Ticks - (localStart.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified);
        return new TrackName(fileId, deviceId, truncated);
    }

    /// <summary>
    /// The local start of a track: its UTC start (ms since the epoch) moved by the time zone (minutes east of UTC).
    /// </summary>
    public static DateTime LocalStartOf(long startDateMilliseconds, int timezoneMinutes) =>
        DateTime.SpecifyKind(
            DateTime.UnixEpoch.AddMilliseconds(startDateMilliseconds).AddMinutes(timezoneMinutes),
            DateTimeKind.Unspecified);

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

        name = new TrackName(match.Groups["file"].Value, id, start);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => FileName;

    [GeneratedRegex(@"^(?<file>[A-Za-z0-9_-]+)_(?<id>[0-9]{1,9})_(?<date>[0-9]{8})_(?<time>[0-9]{6})\.oao$")]
    private static partial Regex NamePattern();
}
