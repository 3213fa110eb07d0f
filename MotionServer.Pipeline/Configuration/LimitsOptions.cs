using System.ComponentModel.DataAnnotations;

namespace MotionServer.Pipeline.Configuration;

/// <summary>Bounds on what a device may send; beyond them its answer is refused (<c>MotionServer:Limits</c>).</summary>
public sealed class LimitsOptions
{
    /// <summary>Largest info.json, settings.json or logs.json, in bytes. Default 4 MiB.</summary>
    [Range(1024L, 1L << 30)]
    public long MaxJsonBytes { get; set; } = MotionServerDefaults.MaxJsonBytes;

    /// <summary>Most entries in one logs.json. Default 10,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxLogEntries { get; set; } = MotionServerDefaults.MaxLogEntries;

    /// <summary>Largest track, in bytes. Default 256 MiB.</summary>
    [Range(1L, 1L << 40)]
    public long MaxTrackBytes { get; set; } = MotionServerDefaults.MaxTrackBytes;

    /// <summary>
    /// Free space, in bytes, that must stay on the event folder's disk: a track starts only when at least this much
    /// would be left after it; until then downloads pause (nothing half-written, no device failed) and a notice shows.
    /// 0 turns the check off. Default 500 MiB.
    /// </summary>
    [Range(0L, 1L << 50)]
    public long MinFreeDiskBytes { get; set; } = MotionServerDefaults.MinFreeDiskBytes;
}
