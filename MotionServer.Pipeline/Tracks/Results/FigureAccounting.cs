using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// The running sums of one set of figures: the cumulative Doppler distance D and speed sum S the windows read, the
/// distance travelled (only frames at or above a minimum speed count, GP3S), and the time on the water (spacings no
/// longer than the maximum gap).
/// </summary>
internal sealed class FigureAccounting(long maximumGap, long distanceMinimumSpeed)
{
    private long _cumulative;
    private long _speedSum;
    private long _lastUtc;

    /// <summary>Distance travelled, µm.</summary>
    public long Distance { get; private set; }

    /// <summary>Time on the water, ms.</summary>
    public long TimeOnWater { get; private set; }

    /// <summary>Accounts for the next frame and returns its history entry.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="startsSegment">True for the first frame of a segment: nothing before it counts.</param>
    public HistoryEntry Next(in OaoGnssFrame frame, bool startsSegment)
    {
        if (startsSegment)
        {
            _cumulative = 0;
            _speedSum = 0;
        }
        else
        {
            // A clock going backwards adds nothing, so D never decreases (as the device's own sum).
            long elapsed = Math.Max(0, frame.Utc - _lastUtc);
            long travelled = frame.Speed * elapsed;
            _cumulative += travelled;
            Distance += frame.Speed >= distanceMinimumSpeed ? travelled : 0;
            TimeOnWater += elapsed <= maximumGap ? elapsed : 0;
        }

        _lastUtc = frame.Utc;
        _speedSum += frame.Speed;
        return new HistoryEntry(frame.Utc, _cumulative, _speedSum, frame.Latitude, frame.Longitude);
    }
}
