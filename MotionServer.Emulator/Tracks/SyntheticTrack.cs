using System.Text;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Emulator.Tracks;

/// <summary>
/// Generates valid <c>.oao</c> files following the recipe of the format notes (§11): GNSS frames at the spec's rate,
/// positions moved by speed × time along the heading, a header summarising them exactly as §9 derives it (so a
/// reader that recomputes the summary finds the header's values), every checksum right.
/// </summary>
public static class SyntheticTrack
{
    /// <summary>Where the sessions take place (degrees): a harbour; each seed moves it by up to a kilometre.</summary>
    private const double BaseLatitude = 50.585;
    private const double BaseLongitude = -2.470;
    private const double MetresPerDegree = 111_320;

    /// <summary>Generates a track; the same spec always gives the same bytes.</summary>
    /// <param name="spec">What to generate.</param>
    public static GeneratedTrack Generate(SyntheticTrackSpec spec)
    {
        Validate(spec);
        long period = 1000 / spec.FrequencyHz;
        long startMs = spec.Start.ToUnixTimeMilliseconds();
        startMs -= ((startMs % period) + period) % period;
        var frames = MakeFrames(spec, startMs, period, (int)(spec.Duration.Ticks / TimeSpan.TicksPerMillisecond / period));

        var identity = new OaoHeader
        {
            Identifier = (ushort)spec.DeviceId,
            Nickname = spec.Nickname,
            Firmware = (ushort)spec.Firmware,
            TimezoneMinutes = (short)spec.TimezoneMinutes,
            FrequencyHz = (byte)spec.FrequencyHz,
            OneLogPerDay = spec.OneLogPerDay,
        };
        var header = frames.Length == 0
            ? identity with { StartDate = startMs, EndDate = startMs }
            : OaoSummaryCalculator.Calculate(frames, spec.FrequencyHz).ApplyTo(identity);

        var content = Write(header, frames, spec.DevicePadding);
        return new GeneratedTrack(
            content, header.StartDate, header.EndDate, header.Duration, header.Distance,
            OaoHeader.BestOf(header.BestsOver2s), OaoHeader.BestOf(header.BestsOver10s), OaoHeader.BestOf(header.BestsOver500m));
    }

    private static OaoGnssFrame[] MakeFrames(SyntheticTrackSpec spec, long startMs, long period, int count)
    {
        var random = new Random(MixSeed(spec.Seed, spec.DeviceId, startMs));
        double step = period / 1000.0;
        var profile = new SpeedProfile(random, spec.MaxSpeedKnots * 1852.0 * 1000 / 3600, step);
        double latitude = BaseLatitude + ((random.NextDouble() - 0.5) * 0.01);
        double longitude = BaseLongitude + ((random.NextDouble() - 0.5) * 0.01);
        double metresPerDegreeEast = MetresPerDegree * Math.Cos(latitude * Math.PI / 180);
        var noise = new FrameNoise(random);
        var burst = new GlitchBurst(spec.Glitch, count);
        var frames = new OaoGnssFrame[count];
        for (int i = 0; i < count; i++)
        {
            // The profile and the noise move on through a glitch, so the rest of the session is the one without it.
            profile.Next();
            bool glitched = burst.Covers(i);
            double speed = glitched ? burst.Speed : profile.Speed;
            double heading = glitched ? burst.Heading(i, profile.Heading) : profile.Heading;
            double metres = speed * step / 1000;
            double radians = heading * Math.PI / 180;
            latitude += metres * Math.Cos(radians) / MetresPerDegree;
            longitude += metres * Math.Sin(radians) / metresPerDegreeEast;
            noise.Next(profile.Speed);
            var frame = new OaoGnssFrame
            {
                Latitude = (int)Math.Round(latitude * 1e7),
                Longitude = (int)Math.Round(longitude * 1e7),
                Altitude = noise.Altitude,
                Speed = (uint)Math.Round(profile.Speed),
                Heading = (uint)Math.Round(heading * 1e5) % 36_000_000,
                Utc = startMs + ((i + 1) * period),
                Fix = 3,
                Satellites = noise.Satellites,
                SpeedAccuracy = noise.SpeedAccuracy,
                HorizontalAccuracy = noise.HorizontalAccuracy,
                VerticalAccuracy = noise.VerticalAccuracy,
                HeadingAccuracy = noise.HeadingAccuracy,
                Dop = noise.Dop,
            };
            frames[i] = glitched ? burst.Apply(frame) : frame;
        }

        return frames;
    }

    /// <summary>
    /// The seed of the profile: the spec's seed mixed with the device and the start (deterministically, unlike
    /// <see cref="HashCode"/>), so that a fleet generated with the default seed still sails different sessions.
    /// </summary>
    private static int MixSeed(int seed, int deviceId, long startMs) =>
        unchecked((seed * 486_187_739) + (deviceId * 16_777_619) + (int)(startMs / 1000) + (int)(startMs / 1000 >> 32));

    private static byte[] Write(OaoHeader header, OaoGnssFrame[] frames, bool devicePadding)
    {
        if (!devicePadding)
        {
            return OaoWriter.Write(header, frames);
        }

        var content = new byte[(3 * OaoFrame.HeaderLength) + OaoWriter.GetLength(false, frames.Length)];
        header.WriteTo(content);
        var padding = new OaoHeader { Identifier = header.Identifier };
        padding.WriteTo(content.AsSpan(OaoFrame.HeaderLength));
        padding.WriteTo(content.AsSpan(2 * OaoFrame.HeaderLength));
        OaoWriter.Write(null, frames, content.AsSpan(3 * OaoFrame.HeaderLength));
        return content;
    }

    private static void Validate(SyntheticTrackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Duration < TimeSpan.Zero)
        {
            throw new ArgumentException($"Duration must not be negative: {spec.Duration}.", nameof(spec));
        }

        if (spec.DeviceId is < 0 or > ushort.MaxValue)
        {
            throw new ArgumentException($"DeviceId must be 0 to 65535: {spec.DeviceId}.", nameof(spec));
        }

        if (spec.Nickname is null || spec.Nickname.Length > OaoHeaderLayout.NicknameLength || !Ascii.IsValid(spec.Nickname)
            || spec.Nickname.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Nickname must be ASCII, at most 10 characters: '{spec.Nickname}'.", nameof(spec));
        }

        if (spec.FrequencyHz is < 1 or > 100 || 1000 % spec.FrequencyHz != 0)
        {
            throw new ArgumentException($"FrequencyHz must divide 1000 and be 1 to 100: {spec.FrequencyHz}.", nameof(spec));
        }

        if (spec.Firmware is < 0 or > ushort.MaxValue || spec.TimezoneMinutes is < short.MinValue or > short.MaxValue)
        {
            throw new ArgumentException("Firmware must fit a u16 and TimezoneMinutes an i16.", nameof(spec));
        }

        if (!double.IsFinite(spec.MaxSpeedKnots) || spec.MaxSpeedKnots < 0 || spec.MaxSpeedKnots > 200)
        {
            throw new ArgumentException($"MaxSpeedKnots must be 0 to 200: {spec.MaxSpeedKnots}.", nameof(spec));
        }

        if (spec.Glitch is { } glitch && (glitch.Frames < 1 || !double.IsFinite(glitch.SpeedKnots) || glitch.SpeedKnots is < 0 or > 200
            || !double.IsFinite(glitch.At) || glitch.At is < 0 or > 1))
        {
            throw new ArgumentException($"Glitch needs at least one frame, a speed of 0 to 200 knots and a place from 0 to 1: {glitch}.", nameof(spec));
        }

        if (spec.Duration.TotalMilliseconds / (1000.0 / spec.FrequencyHz) > 5_000_000)
        {
            throw new ArgumentException($"Duration gives too many frames: {spec.Duration}.", nameof(spec));
        }
    }
}
