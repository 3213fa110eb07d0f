using System.Text.Json;
using MotionServer.Emulator.Tracks;
using MotionServer.Pipeline.Tests.Reliability.Support;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Host;

/// <summary>The real executable's <c>results</c> command: dispatched from the command line, JSON without reflection.</summary>
public sealed class ResultsProcessTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Results_JsonWithAMissingFile_PrintsTheOtherAndExits1()
    {
        var spec = new SyntheticTrackSpec(817, "N817", new DateTimeOffset(2025, 10, 12, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(3)) { DevicePadding = true };
        File.WriteAllBytes(Path.Combine(_temp.Path, "valid.oao"), SyntheticTrack.Generate(spec).Content);

        await using var host = HostProcess.Start(_temp.Path, "results", "--json", "valid.oao", "missing.oao");
        int code = await host.WaitForExitAsync(ExitTimeout);

        code.Should().Be(1, string.Join(Environment.NewLine, host.Output));
        string json = string.Join('\n', host.Output.Where(l => !l.StartsWith("MotionServer.Host results:", StringComparison.Ordinal)));
        using var document = JsonDocument.Parse(json);
        document.RootElement.EnumerateArray().Should().ContainSingle().Which.GetProperty("file").GetString().Should().Be("valid.oao");
        host.Output.Should().Contain(l => l.StartsWith("MotionServer.Host results: missing.oao cannot be read", StringComparison.Ordinal));
    }
}
