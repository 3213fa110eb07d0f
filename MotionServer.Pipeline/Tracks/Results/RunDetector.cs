namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// Splits a track into runs for 5×10 s, after the ESP-GPS logger's run detection (RP6conrad/ESP-GPS-Logger,
/// <c>New_run_detection</c>): the course is compared with its mean over the last 15 s; once the rider holds a straight
/// course (within 10° of the mean, faster than 4 m/s), a turn of more than 50° from the mean starts a new run (a gybe),
/// and so does slowing below 1 m/s after having gone faster than 4 m/s (a stop). A gap starts a new run too.
/// Simplified from the logger: it compares frame speeds rather than 2 s means and starts the run at once.
/// </summary>
internal sealed class RunDetector
{
    private const double MeanSeconds = 15;
    private const double StraightDegrees = 10;
    private const double TurnDegrees = 50;
    private const long FastSpeed = 4000;
    private const long StopSpeed = 1000;

    private bool _started;
    private double _unwrap;
    private double _lastHeading;
    private double _mean;
    private long _lastUtc;
    private bool _straight;
    private bool _wasFast;

    /// <summary>Sequence of the first frame of the current run.</summary>
    public long RunStart { get; private set; }

    /// <summary>Takes the next frame; true when it starts a new run.</summary>
    /// <param name="sequence">The frame's sequence in its history.</param>
    /// <param name="utc">Its time.</param>
    /// <param name="speed">Its speed, mm/s.</param>
    /// <param name="headingDegrees">Its course over ground, degrees.</param>
    /// <param name="startsSegment">True after a gap.</param>
    public bool OnFrame(long sequence, long utc, long speed, double headingDegrees, bool startsSegment)
    {
        if (!_started || startsSegment)
        {
            Restart(sequence, utc, headingDegrees);
            return true;
        }

        double heading = Unwrap(headingDegrees);
        double weight = Math.Clamp((utc - _lastUtc) / (MeanSeconds * 1000), 0, 1);
        _lastUtc = utc;
        _mean += (heading - _mean) * weight;
        double deviation = Math.Abs(heading - _mean);
        bool turned = TurnedOrStopped(speed, deviation);
        if (turned)
        {
            RunStart = sequence;
        }

        return turned;
    }

    /// <summary>Takes the state of <paramref name="other"/>, which has seen the same frames while this one did not.</summary>
    public void CopyFrom(RunDetector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        (_started, _unwrap, _lastHeading, _mean) = (other._started, other._unwrap, other._lastHeading, other._mean);
        (_lastUtc, _straight, _wasFast, RunStart) = (other._lastUtc, other._straight, other._wasFast, other.RunStart);
    }

    private bool TurnedOrStopped(long speed, double deviation)
    {
        if (speed > FastSpeed)
        {
            _wasFast = true;
            _straight |= deviation < StraightDegrees;
        }

        if (_straight && deviation > TurnDegrees)
        {
            _straight = false;
            return true;
        }

        if (_wasFast && speed < StopSpeed)
        {
            _wasFast = false;
            _straight = false;
            return true;
        }

        return false;
    }

    private double Unwrap(double heading)
    {
        double step = heading - _lastHeading;
        if (step > 180)
        {
            _unwrap -= 360;
        }
        else if (step < -180)
        {
            _unwrap += 360;
        }

        _lastHeading = heading;
        return heading + _unwrap;
    }

    private void Restart(long sequence, long utc, double heading)
    {
        _started = true;
        _unwrap = 0;
        _lastHeading = heading;
        _mean = heading;
        _lastUtc = utc;
        _straight = false;
        _wasFast = false;
        RunStart = sequence;
    }
}
