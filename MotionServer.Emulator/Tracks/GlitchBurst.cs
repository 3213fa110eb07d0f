using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Emulator.Tracks;

/// <summary>
/// Places a <see cref="TrackGlitch"/> in a track of <c>frameCount</c> frames and turns the frames it covers into
/// glitch frames. The burst flies out along the course for its first half and back for its second, so the positions
/// after it carry on where the session left them (a spike, as glitches look on a map).
/// </summary>
internal sealed class GlitchBurst
{
    private const double MillimetresPerSecondPerKnot = 1852.0 * 1000 / 3600;

    private readonly TrackGlitch? _glitch;
    private readonly int _first;
    private readonly int _end;

    public GlitchBurst(TrackGlitch? glitch, int frameCount)
    {
        _glitch = glitch;
        if (glitch is null || frameCount == 0)
        {
            return;
        }

        int frames = Math.Min(glitch.Frames, frameCount);
        _first = Math.Clamp((int)(frameCount * glitch.At), 0, frameCount - frames);
        _end = _first + frames;
    }

    /// <summary>The burst's speed, mm/s.</summary>
    public double Speed => (_glitch?.SpeedKnots ?? 0) * MillimetresPerSecondPerKnot;

    /// <summary>True when frame <paramref name="index"/> is one of the burst's.</summary>
    public bool Covers(int index) => index >= _first && index < _end;

    /// <summary>The course of the burst's frame <paramref name="index"/>: out along <paramref name="course"/>, then back.</summary>
    public double Heading(int index, double course) =>
        index - _first < (_end - _first + 1) / 2 ? course : (course + 180) % 360;

    /// <summary>A frame of the burst: its speed, satellites, DOP and speed accuracy the glitch's.</summary>
    public OaoGnssFrame Apply(OaoGnssFrame frame) => _glitch is null ? frame : frame with
    {
        Speed = (uint)Math.Round(Speed),
        Satellites = _glitch.Satellites,
        Dop = _glitch.Dop,
        SpeedAccuracy = _glitch.SpeedAccuracy,
    };
}
