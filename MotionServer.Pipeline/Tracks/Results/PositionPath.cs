namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// The cumulative path of a history's positions, |Δlatitude| + |Δlongitude| in 10⁻⁷ degree, kept in a ring numbered as
/// the history is. It is never shorter than the distance between two of its frames in metres / <see
/// cref="AlphaWindow.MetresPerUnit"/> (for any cosine of latitude up to 1), so a start found some way outside the alpha's
/// circle rules out every start within that much path of it, exactly; and it is whole numbers, so it adds up exactly.
/// </summary>
internal sealed class PositionPath(int capacity, PassRings rings) : IDisposable
{
    private long[]? _path = rings.RentLongs(capacity);
    private readonly int _mask = capacity - 1;
    private long _total;
    private int _latitude;
    private int _longitude;

    /// <summary>Starts the ring holds (the history's capacity).</summary>
    public int Capacity => _mask + 1;

    /// <summary>The path up to a frame (between the history's oldest and newest).</summary>
    public long this[long sequence] => _path![sequence & _mask];

    /// <summary>Takes the newest frame of the history.</summary>
    public void Add(long sequence, in HistoryEntry entry)
    {
        _total += Math.Abs((long)entry.Latitude - _latitude) + Math.Abs((long)entry.Longitude - _longitude);
        _latitude = entry.Latitude;
        _longitude = entry.Longitude;
        _path![sequence & _mask] = _total;
    }

    /// <summary>
    /// The latest sequence in [<paramref name="from"/>, <paramref name="to"/>] whose path is below
    /// <paramref name="path"/>, or <paramref name="from"/> − 1 when none (the path never decreases): a gallop back from
    /// <paramref name="to"/>, then a bisection.
    /// </summary>
    public long LatestBelow(long path, long from, long to)
    {
        long step = 1;
        long high = to;
        long low = to - step;
        while (low >= from && this[low] >= path)
        {
            high = low - 1;
            step *= 2;
            low = to - step;
        }

        low = Math.Max(low, from);
        while (low <= high)
        {
            long middle = low + ((high - low) / 2);
            if (this[middle] < path)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return high;
    }

    /// <summary>Takes the state of <paramref name="other"/> (of the same capacity).</summary>
    public void CopyFrom(PositionPath other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Array.Copy(other._path!, _path!, Capacity);
        (_total, _latitude, _longitude) = (other._total, other._latitude, other._longitude);
    }

    /// <summary>Gives the ring back to the pool (<see cref="PassRings"/>); the path is not used after this.</summary>
    public void Dispose() => rings.Return(ref _path);
}
