namespace MotionServer.Benchmarks.Pipeline;

/// <summary>Percentiles of a run's own measurements, by nearest rank: always a value that was measured.</summary>
internal static class NearestRank
{
    /// <summary>The <paramref name="p"/> percentile (0 &lt; p ≤ 1) of <paramref name="values"/>, in any order.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
    }
}
