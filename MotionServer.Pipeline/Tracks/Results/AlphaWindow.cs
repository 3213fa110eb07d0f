namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// Alpha 500 (Logiqx gps-wizard, docs/alpha-racing; GPS Team Challenge "Alpha Racing 500m"): the fastest stretch of at
/// most 500 m of Doppler distance whose last frame is back within 50 m of its first, and, as GPSResults and GP3S do,
/// at least 250 m long. For the newest frame, every start between 250 m and 500 m back is a candidate; distances are
/// Pythagoras on the local plane (sub-millimetre at 50 m, per gps-wizard). A start more than 50 m away lets the search
/// jump back by most of the excess, since the track cannot come nearer faster than it travels.
/// </summary>
internal sealed class AlphaWindow : SpeedWindow
{
    /// <summary>Longest alpha, mm.</summary>
    public const long MaximumDistance = 500_000;

    /// <summary>Shortest alpha, mm.</summary>
    public const long MinimumDistance = 250_000;

    /// <summary>How near the end must come back to the start, m.</summary>
    public const double Proximity = 50;

    /// <summary>Metres per 10⁻⁷ degree of latitude (mean Earth radius 6,371,008.8 m).</summary>
    private const double MetresPerUnit = 6_371_008.8 * Math.PI / 180 / 1e7;

    /// <summary>The part of the excess distance the search jumps over (Doppler distance runs a little short of the path).</summary>
    private const double JumpShare = 0.8;

    /// <inheritdoc />
    public override bool TryEndingAtNewest(FrameHistory history, out WindowSpeed window)
    {
        window = default;
        ref readonly var last = ref history.Last;
        if (last.Distance - history[history.Oldest].Distance < MinimumDistance * 1000)
        {
            return false;
        }

        double cosine = Math.Cos(last.Latitude / 1e7 * Math.PI / 180);
        long lowest = last.Distance - (MaximumDistance * 1000);
        long j = history.LatestAtOrBelow(last.Distance - (MinimumDistance * 1000), history.Newest);
        bool found = false;
        while (j >= history.Oldest && history[j].Distance >= lowest)
        {
            ref readonly var start = ref history[j];
            double metres = Metres(last, start, cosine);
            if (metres > Proximity)
            {
                long jump = (long)((metres - Proximity) * JumpShare * 1e6);
                j = Math.Min(j - 1, history.LatestAtOrBelow(start.Distance - jump, j - 1));
                continue;
            }

            long elapsed = last.Utc - start.Utc;
            double speed = elapsed > 0 ? (last.Distance - start.Distance) / (double)elapsed : 0;
            if (elapsed > 0 && (!found || speed > window.Speed))
            {
                window = new WindowSpeed(speed, j, start.Utc, last.Utc);
                found = true;
            }

            j--;
        }

        return found;
    }

    private static double Metres(in HistoryEntry a, in HistoryEntry b, double cosine)
    {
        double north = (a.Latitude - b.Latitude) * MetresPerUnit;
        double east = (a.Longitude - (double)b.Longitude) * cosine * MetresPerUnit;
        return Math.Sqrt((north * north) + (east * east));
    }
}
