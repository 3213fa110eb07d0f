namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>One entry of a header's best table (§7): 8 bytes.</summary>
/// <param name="UtcSeconds">Unix seconds; usually the whole second of the end of the best window.</param>
/// <param name="Value">The speed, in mm/s.</param>
internal readonly record struct OaoBest(uint UtcSeconds, uint Value);
