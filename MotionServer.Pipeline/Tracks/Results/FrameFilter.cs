using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// Applies the sport's quality rules (<see cref="ResultRules"/>) to each frame in turn. Acceleration is measured
/// against the last frame kept, not the last frame seen, so a glitch never makes the good frame after it look like
/// one; and never across a gap, so a track that resumes at another speed is not thrown away.
/// </summary>
internal sealed class FrameFilter(ResultRules rules)
{
    private bool _hasKept;
    private long _lastKeptUtc;
    private long _lastKeptSpeed;

    /// <summary>Judges the next frame (file order) and remembers it when kept.</summary>
    public FrameVerdict Judge(in OaoGnssFrame frame)
    {
        var faults = QualityFaults(frame);
        long elapsed = frame.Utc - _lastKeptUtc;
        bool startsSegment = !_hasKept || elapsed > rules.MaximumGap || elapsed < 0;
        long acceleration = 0;
        if (!startsSegment && elapsed > 0)
        {
            acceleration = Math.Abs(frame.Speed - _lastKeptSpeed) * 1000 / elapsed;
            if (Math.Abs(frame.Speed - _lastKeptSpeed) * 1000 > rules.MaximumAcceleration * elapsed)
            {
                faults |= FrameFaults.Acceleration;
            }
        }

        if (faults == FrameFaults.None)
        {
            _hasKept = true;
            _lastKeptUtc = frame.Utc;
            _lastKeptSpeed = frame.Speed;
        }

        return new FrameVerdict(faults, acceleration, startsSegment && faults == FrameFaults.None);
    }

    private FrameFaults QualityFaults(in OaoGnssFrame frame)
    {
        var faults = FrameFaults.None;
        if (rules.MinimumFix > 0 && (frame.Fix < rules.MinimumFix || frame.Fix == 5))
        {
            faults |= FrameFaults.Fix;
        }

        if (frame.Satellites < rules.MinimumSatellites)
        {
            faults |= FrameFaults.Satellites;
        }

        if (frame.Dop > rules.MaximumDop)
        {
            faults |= FrameFaults.Dop;
        }

        if (frame.SpeedAccuracy > rules.MaximumSpeedAccuracy)
        {
            faults |= FrameFaults.SpeedAccuracy;
        }

        return faults;
    }
}
