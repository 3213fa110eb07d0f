using MotionServer.Emulator.Tracks;
using MotionServer.Pipeline.Tests.Reliability.Support;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Host;

/// <summary>The real executable's <c>verify</c> command: the exit code an event's script sees.</summary>
public sealed class VerifyProcessTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(int Code, IReadOnlyList<string> Output)> RunAsync(params string[] arguments)
    {
        await using var host = HostProcess.Start(_temp.Path, arguments);
        int code = await host.WaitForExitAsync(ExitTimeout);
        return (code, host.Output);
    }

    [Fact]
    public async Task Verify_DamagedFileAmongValidOnes_Exits1AndNamesIt()
    {
        var spec = new SyntheticTrackSpec(817, "N817", new DateTimeOffset(2025, 10, 12, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(3)) { DevicePadding = true };
        var track = SyntheticTrack.Generate(spec);
        string valid = Path.Combine(_temp.Path, "valid.oao");
        string cut = Path.Combine(_temp.Path, "cut.oao");
        File.WriteAllBytes(valid, track.Content);
        File.WriteAllBytes(cut, TrackDamage.Apply(track.Content, TrackDamageKind.CutMidFrame));

        var (code, output) = await RunAsync("verify", valid, cut);

        code.Should().Be(1, string.Join(Environment.NewLine, output));
        output.Should().Contain(l => l.StartsWith("valid.oao ", StringComparison.Ordinal) && l.Contains(" valid ", StringComparison.Ordinal))
            .And.Contain(l => l.StartsWith("cut.oao ", StringComparison.Ordinal) && l.Contains(" damaged ", StringComparison.Ordinal));

        (await RunAsync("verify", valid)).Code.Should().Be(0);
    }

    [Fact]
    public async Task Verify_NothingToVerify_Exits2()
    {
        (await RunAsync("verify")).Code.Should().Be(2);
    }
}
