using System.Text;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Tracks;

namespace MotionServer.Emulator.Generation;

/// <summary>Valid OAO logs from <see cref="SyntheticTrack"/>, sized like a device's (1,536 + 52·n bytes).</summary>
internal sealed class SyntheticTrackGenerator : ITrackGenerator
{
    private const int NicknameLength = 10;

    /// <inheritdoc />
    public EmulatedTrack Generate(TrackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var generated = SyntheticTrack.Generate(new SyntheticTrackSpec(spec.DeviceId, Nickname(spec.Nickname), spec.Start, spec.Duration,
            spec.FrequencyHz, spec.Firmware, spec.TimezoneMinutes, spec.OneLogPerDay, spec.MaxSpeedKnots, spec.Seed)
        {
            DevicePadding = true,
            Glitch = spec.Glitch,
        });
        return GeneratedTrackFactory.Create(spec, generated.Content, generated.StartDate, generated.EndDate, generated.Duration,
            generated.Distance, generated.Best2s, generated.Best10s, generated.Best500m);
    }

    /// <summary>The header holds at most 10 ASCII characters.</summary>
    private static string Nickname(string nickname)
    {
        string ascii = string.Concat(nickname.Where(c => Ascii.IsValid(c) && !char.IsControl(c)));
        return ascii.Length <= NicknameLength ? ascii : ascii[..NicknameLength];
    }
}
