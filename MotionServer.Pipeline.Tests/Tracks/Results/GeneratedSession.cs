using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Results;

/// <summary>
/// A healthy, realistic session from a seed: reaches back and forth on one line at 7 to 16 m/s with speed noise (a few
/// tenths of a m/s from frame to frame, well under any acceleration rule), gybes that slow to 4-6 m/s, sometimes a
/// stop, and healthy quality fields throughout.
/// </summary>
internal static class GeneratedSession
{
    public static OaoGnssFrame[] Frames(int frequency, int seed, TimeSpan length)
    {
        var random = new Random(seed);
        var track = new SailingTrack(frequency);
        double heading = 40;
        double speed = 5;
        while (track.Count < length.TotalSeconds * frequency)
        {
            double target = 7 + (random.NextDouble() * 9);
            track.Leg(4, speed, target, heading, heading);
            speed = target;
            for (int second = 0; second < 30 + random.Next(60); second++)
            {
                double next = Math.Clamp(speed + ((random.NextDouble() - 0.5) * 1.0), 6, 17);
                track.Leg(1, speed, next, heading, heading + ((random.NextDouble() - 0.5) * 4));
                speed = next;
            }

            double slow = random.Next(5) == 0 ? 0.5 : 4 + (random.NextDouble() * 2);
            track.Leg(5, speed, slow, heading, heading).Leg(4, slow, slow, heading, heading + 180);
            speed = slow;
            heading += 180;
        }

        return track.Build();
    }
}
