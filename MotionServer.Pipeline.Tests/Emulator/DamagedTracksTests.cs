using MotionServer.Emulator.Cli;
using MotionServer.Emulator.Demo;
using MotionServer.Emulator.Devices;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Pipeline.Tests.Emulator;

public sealed class DamagedTracksTests
{
    [Fact]
    public void Parse_Damaged_ReadsTheCount()
    {
        EmulatorArguments.Parse(["--damaged", "2"]).Damaged.Should().Be(2);
        EmulatorArguments.Parse([]).Damaged.Should().Be(0);
    }

    [Fact]
    public void Into_FirstDevices_GetEachKindOfDamageInTurn_OnTheirNewestLog_AndTheVerifierFlagsEach()
    {
        var plan = RealisticFleet.Build(new RealisticFleetOptions { Devices = 6, TracksPerDevice = 1, Seed = 3 }, TimeProvider.System);

        var devices = DamagedTracks.Into(plan.Devices, 4);

        var verdicts = devices.Select(d => d.Tracks.Select(t => TrackVerifier.Verify(t.Content.Span, new MotionServer.Pipeline.Devices.DeviceLog
        {
            File = t.Path, Size = t.Size, StartDate = t.StartDate, EndDate = t.EndDate, Duration = t.Duration, Distance = t.Distance,
            Best2s = t.Best2s, Best10s = t.Best10s, Best500m = t.Best500m,
        }.Figures)).ToList()).ToList();
        verdicts.Take(4).Should().OnlyContain(v => v.Count(x => !x.IsValid) == 1, "one log of each of the first four devices is damaged");
        verdicts.Skip(4).SelectMany(v => v).Should().OnlyContain(v => v.IsValid, "the other devices' logs are intact");
        verdicts.Take(4).Select(v => v.Single(x => !x.IsValid).Defects[0].Kind).Should().Equal(
            TrackDefectKind.BadChecksum, TrackDefectKind.Truncated, TrackDefectKind.BadChecksum, TrackDefectKind.UnknownBytes);
        devices.Take(4).Should().OnlyContain(d => d.Tracks.All(t => t.Size == t.Content.Length), "a device announces the size it really serves");
    }
}
