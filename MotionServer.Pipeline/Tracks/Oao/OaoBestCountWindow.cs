namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// The single best of <see cref="OaoBestWindows.OverCount"/> in one pass: the largest sum of <c>count</c> consecutive
/// speeds, kept with a ring of the last <c>count</c> speeds (at most 10 s of frames), divided by the count, truncated.
/// </summary>
internal sealed class OaoBestCountWindow
{
    private readonly uint[] _ring;
    private long _frames;
    private int _slot;
    private long _sum;
    private long _best = -1;

    /// <summary>A window of <paramref name="count"/> frames (none when 0 or less: the best is then 0).</summary>
    public OaoBestCountWindow(int count)
    {
        _ring = new uint[Math.Max(0, count)];
    }

    /// <summary>The best mean speed, mm/s; 0 when fewer frames than the window came.</summary>
    public long Best => _best < 0 ? 0 : Math.Clamp(_best / _ring.Length, 0, uint.MaxValue);

    public void Add(uint speed)
    {
        if (_ring.Length == 0)
        {
            return;
        }

        // The slot of the frame leaving the window, wrapped by hand: a remainder per frame is a division.
        int slot = _slot;
        _slot = slot + 1 == _ring.Length ? 0 : slot + 1;
        _sum += speed - (long)_ring[slot];
        _ring[slot] = speed;
        _frames++;
        if (_frames >= _ring.Length && _sum > _best)
        {
            _best = _sum;
        }
    }
}
