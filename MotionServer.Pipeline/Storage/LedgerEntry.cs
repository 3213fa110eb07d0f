using System.Text.Json.Serialization;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Storage;

/// <summary>
/// One track in a device's <c>downloads.json</c>, with the contract's field names. The figures are the
/// device's own, in its units (ms, mm, mm/s).
/// </summary>
internal sealed record LedgerEntry
{
    /// <summary>The track's path on the device.</summary>
    [JsonPropertyName("motion_file")]
    public required string MotionFile { get; init; }

    /// <summary>The local path relative to the event folder (older ledgers hold absolute paths; the file name is what counts).</summary>
    [JsonPropertyName("local_file")]
    public required string LocalFile { get; init; }

    /// <summary>Bytes announced by the device.</summary>
    [JsonPropertyName("size")]
    public long Size { get; init; }

    /// <summary>Start, ms since the epoch (UTC).</summary>
    [JsonPropertyName("start_date")]
    public long StartDate { get; init; }

    /// <summary>End, ms since the epoch (UTC).</summary>
    [JsonPropertyName("end_date")]
    public long EndDate { get; init; }

    /// <summary>Duration, ms.</summary>
    [JsonPropertyName("duration")]
    public long Duration { get; init; }

    /// <summary>Distance, mm.</summary>
    [JsonPropertyName("distance")]
    public long Distance { get; init; }

    /// <summary>Best 2 s speed, mm/s.</summary>
    [JsonPropertyName("2s_best")]
    public long Best2s { get; init; }

    /// <summary>Best 10 s speed, mm/s.</summary>
    [JsonPropertyName("10s_best")]
    public long Best10s { get; init; }

    /// <summary>Best 500 m speed, mm/s.</summary>
    [JsonPropertyName("500m_best")]
    public long Best500m { get; init; }

    /// <summary>queued, skipped, failed or completed.</summary>
    [JsonPropertyName("status")]
    [JsonConverter(typeof(LedgerStatusConverter))]
    public LedgerStatus Status { get; init; }

    /// <summary>Why the last attempt failed (only while failed).</summary>
    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>
    /// What verification found in the file on disk (added field; set when the track is completed, absent in older
    /// ledgers and for tracks never completed).
    /// </summary>
    [JsonPropertyName("verification")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LedgerVerification? Verification { get; init; }

    /// <summary>
    /// The track's results by the speed-sailing rules (added field; set when the track is completed, absent in older
    /// ledgers and for tracks never completed).
    /// </summary>
    [JsonPropertyName("results")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LedgerResults? Results { get; init; }

    /// <summary>The local file name, whatever form <see cref="LocalFile"/> has.</summary>
    [JsonIgnore]
    public string FileName => LocalFile.Replace('\\', '/').Split('/')[^1];

    /// <summary>
    /// The figures this entry recorded (the device's logs.json figures at the time of the download), as one value; set,
    /// it records them all. The file keeps them as the contract's flat fields.
    /// </summary>
    [JsonIgnore]
    public TrackFigures Figures
    {
        get => new(Size, StartDate, EndDate, Duration, Distance, Best2s, Best10s, Best500m);
        init => (Size, StartDate, EndDate, Duration, Distance, Best2s, Best10s, Best500m) = value;
    }
}
