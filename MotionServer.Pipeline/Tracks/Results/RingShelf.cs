namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// A few rings of one kind set aside between passes: at most <see cref="Count"/> of them, whatever their sizes, the
/// largest given back kept. A ring fits any pass that needs no more entries than it has, so a day of tracks of many
/// lengths keeps no more than <see cref="Count"/> rings of the longest (a pool by size kept that many of every size:
/// a day of 10 Hz tracks from minutes to hours held about twice as much).
/// </summary>
/// <typeparam name="T">What the ring holds.</typeparam>
internal sealed class RingShelf<T>
{
    private readonly T[]?[] _kept;
    private readonly Lock _lock = new();

    /// <summary>A shelf for at most <paramref name="count"/> rings.</summary>
    public RingShelf(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _kept = new T[]?[count];
    }

    /// <summary>Rings the shelf keeps at most.</summary>
    public int Count => _kept.Length;

    /// <summary>
    /// The smallest kept ring of at least <paramref name="capacity"/> entries, its first <paramref name="capacity"/>
    /// cleared; a new ring of exactly <paramref name="capacity"/> when none is that large.
    /// </summary>
    public T[] Take(int capacity)
    {
        T[]? ring = null;
        lock (_lock)
        {
            int fit = -1;
            for (int i = 0; i < _kept.Length; i++)
            {
                if (_kept[i] is { } kept && kept.Length >= capacity && (fit < 0 || kept.Length < _kept[fit]!.Length))
                {
                    fit = i;
                }
            }

            if (fit >= 0)
            {
                ring = _kept[fit];
                _kept[fit] = null;
            }
        }

        if (ring is null)
        {
            return new T[capacity];
        }

        Array.Clear(ring, 0, capacity);
        return ring;
    }

    /// <summary>Keeps <paramref name="ring"/> if there is room, or in place of a smaller one; otherwise lets it go.</summary>
    public void Put(T[] ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        lock (_lock)
        {
            int smallest = 0;
            for (int i = 0; i < _kept.Length; i++)
            {
                if (_kept[i] is null)
                {
                    _kept[i] = ring;
                    return;
                }

                if (_kept[i]!.Length < _kept[smallest]!.Length)
                {
                    smallest = i;
                }
            }

            if (ring.Length > _kept[smallest]!.Length)
            {
                _kept[smallest] = ring;
            }
        }
    }
}
