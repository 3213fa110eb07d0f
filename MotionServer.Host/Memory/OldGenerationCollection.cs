using Microsoft.Extensions.Logging;

namespace MotionServer.Host.Memory;

/// <summary>
/// Collects the whole heap once gen 2 has grown by <see cref="GrowthLimit"/> since the last full collection, looked
/// at every <see cref="CheckInterval"/>.
/// <para>
/// Why: in a rush the downloads', passes' and results' objects live a few seconds, long enough for gen 1 collections
/// to promote them into gen 2, where they die. Without the background collector (MotionServer.Host.csproj) the runtime
/// lets gen 2 grow by about its own size before it collects it: measured in a rush at a roster of 1,000, gen 2 went
/// from 8.4 to 11.7 MB with no full collection after the first seconds, about 2.7 MB of it dead, and the resident
/// memory's peak with it. With a full collection at every 2 MiB of growth the peak was 37.1–38.1 MiB against
/// 37.9–40.1, the anonymous memory at the end 23.6–25.1 against 25.1–27.1 (benchmarks/README.md). A full collection of
/// this heap (about 10 MB live) takes milliseconds; a rush at 1,000 needs a few. At rest nothing is promoted, and the
/// look finds nothing to do.
/// </para>
/// <para>
/// The server's own policy, not the library's: an embedder's process decides its own collections. Never stops the
/// host: a failure is a debug line, and the next look tries again.
/// </para>
/// </summary>
internal sealed partial class OldGenerationCollection : TimedHostedService
{
    /// <summary>How often gen 2's growth is looked at.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    /// <summary>Growth of gen 2 since the last full collection past which the heap is collected whole.</summary>
    public const long GrowthLimit = 2L << 20;

    private readonly ILogger _logger;
    private readonly Func<OldGenerationSizes> _read;
    private readonly Action _collect;

    /// <summary>The service the host runs: this process's heap.</summary>
    public OldGenerationCollection(TimeProvider time, ILogger<OldGenerationCollection> logger)
        : this(time, logger, OldGenerationSizes.Read, static () => GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true))
    {
    }

    /// <summary>A service that reads sizes with <paramref name="read"/> and collects with <paramref name="collect"/> (tests).</summary>
    internal OldGenerationCollection(TimeProvider time, ILogger<OldGenerationCollection> logger, Func<OldGenerationSizes> read, Action collect)
        : base(time, CheckInterval, CheckInterval)
    {
        _logger = logger;
        _read = read;
        _collect = collect;
    }

    /// <inheritdoc />
    protected override void Run()
    {
        long growth = _read().GrowthSinceFullCollection;
        if (growth > GrowthLimit)
        {
            _collect();
            HeapCollected(_logger, growth / 1024);
        }
    }

    /// <inheritdoc />
    protected override void Failed(Exception exception) => HeapNotCollected(_logger, exception.Message);
}
