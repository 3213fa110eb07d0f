namespace MotionServer.Emulator.Tracks;

/// <summary>
/// A session's speed and heading, step by step: a slow launch, then runs at 60–90 % of the top speed with gusts that
/// touch the top now and then, joined by gybes (the speed drops by about half while the heading turns through 180°),
/// and now and then a slow bit (a fall, a waterstart).
/// With no top speed, the device only drifts below 0.4 m/s. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal sealed class SpeedProfile
{
    /// <summary>Ceiling of a "never sailed" drift, mm/s: below 1 knot (514 mm/s).</summary>
    public const double DriftCeiling = 400;

    private const double Acceleration = 1500;   // mm/s per second
    private const double Deceleration = 3000;   // mm/s per second
    private const double GustSeconds = 8;       // how long a gust lasts, roughly
    private const double GustSpread = 0.08;     // standard deviation of the gusts, relative to the run's speed

    private readonly Random _random;
    private readonly double _max;
    private readonly double _step;
    private readonly double _gustKeep;
    private readonly double _gustStep;
    private Phase _phase;
    private double _phaseLeft;
    private double _target;
    private double _runSpeed;
    private double _speed;
    private double _runHeading;
    private double _heading;
    private double _turnRate;
    private double _chop;
    private double _gust;

    public SpeedProfile(Random random, double maxSpeedMillimetres, double stepSeconds)
    {
        _random = random;
        _max = maxSpeedMillimetres;
        _step = stepSeconds;
        _gustKeep = Math.Exp(-stepSeconds / GustSeconds);

        // A uniform step on [-0.5, 0.5] has a standard deviation of 1/√12; scale it so the gusts keep GustSpread.
        _gustStep = GustSpread * Math.Sqrt(1 - (_gustKeep * _gustKeep)) * Math.Sqrt(12);
        _runHeading = random.NextDouble() * 360;
        _heading = _runHeading;
        Enter(_max > 0 ? Phase.Launch : Phase.Drift);
    }

    private enum Phase
    {
        Drift,
        Launch,
        Run,
        Gybe,
        Slow,
    }

    /// <summary>Reported speed, mm/s (never negative, never above the top speed).</summary>
    public double Speed { get; private set; }

    /// <summary>Course over ground, degrees in [0, 360).</summary>
    public double Heading { get; private set; }

    /// <summary>Advances one sample.</summary>
    public void Next()
    {
        _phaseLeft -= _step;
        if (_phaseLeft <= 0)
        {
            Enter(NextPhase());
        }

        _gust = (_gustKeep * _gust) + ((_random.NextDouble() - 0.5) * _gustStep);
        double target = _phase == Phase.Run ? _target * (1 + _gust) : _target;
        _speed += Math.Clamp(target - _speed, -Deceleration * _step, Acceleration * _step);
        _heading += _turnRate * _step;
        _chop = (0.8 * _chop) + ((_random.NextDouble() - 0.5) * 0.03 * Math.Max(_speed, 200));
        double ceiling = _max > 0 ? _max : DriftCeiling;
        Speed = Math.Clamp(_speed + _chop, 0, ceiling);
        double wobble = (_random.NextDouble() - 0.5) * (Speed < 1000 ? 20 : 3);
        Heading = Normalise(_heading + wobble);
    }

    private Phase NextPhase() => _phase switch
    {
        Phase.Drift => Phase.Drift,
        Phase.Run => _random.NextDouble() < 0.12 ? Phase.Slow : Phase.Gybe,
        _ => Phase.Run,
    };

    private void Enter(Phase phase)
    {
        _phase = phase;
        _turnRate = 0;
        switch (phase)
        {
            case Phase.Drift:
                _phaseLeft = Between(20, 120);
                _target = Between(0, DriftCeiling * 0.6);
                _turnRate = Between(-6, 6);
                break;
            case Phase.Launch:
                _phaseLeft = Between(20, 60);
                _target = Math.Min(_max, Between(300, 1200));
                break;
            case Phase.Run:
                _phaseLeft = Between(15, 90);
                _runSpeed = _max * Between(0.6, 0.9);
                _target = _runSpeed;
                _heading = _runHeading;
                break;
            case Phase.Gybe:
                double duration = Between(4, 8);
                _phaseLeft = duration;
                _target = _runSpeed * Between(0.35, 0.6);
                double turn = 180 + Between(-15, 15);
                _runHeading = Normalise(_runHeading + turn);
                _turnRate = (_random.NextDouble() < 0.5 ? turn : -turn) / duration;
                break;
            case Phase.Slow:
                _phaseLeft = Between(10, 60);
                _target = Math.Min(_max, Between(100, 1500));
                _turnRate = Between(-3, 3);
                break;
        }
    }

    private double Between(double low, double high) => low + (_random.NextDouble() * (high - low));

    private static double Normalise(double degrees)
    {
        double value = degrees % 360;
        return value < 0 ? value + 360 : value;
    }
}
