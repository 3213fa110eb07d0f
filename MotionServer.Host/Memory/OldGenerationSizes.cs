namespace MotionServer.Host.Memory;

/// <summary>
/// The collector's oldest generation (gen 2), as its last collections left it: after the last collection of any kind
/// (gen 0 and gen 1 collections promote into it) and after the last full blocking one (0 before the first).
/// </summary>
/// <param name="AfterLastCollection">Bytes in gen 2 after the last collection.</param>
/// <param name="AfterLastFullCollection">Bytes in gen 2 after the last full blocking collection; 0 before the first.</param>
internal readonly record struct OldGenerationSizes(long AfterLastCollection, long AfterLastFullCollection)
{
    /// <summary>What gen 1 collections promoted into gen 2 since the last full collection, alive or dead since.</summary>
    public long GrowthSinceFullCollection => Math.Max(0, AfterLastCollection - AfterLastFullCollection);

    /// <summary>This process's sizes now (<see cref="GC.GetGCMemoryInfo(GCKind)"/>).</summary>
    public static OldGenerationSizes Read()
    {
        var full = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        long afterFull = full.Index > 0 ? full.GenerationInfo[2].SizeAfterBytes : 0;
        return new OldGenerationSizes(GC.GetGCMemoryInfo(GCKind.Any).GenerationInfo[2].SizeAfterBytes, afterFull);
    }
}
