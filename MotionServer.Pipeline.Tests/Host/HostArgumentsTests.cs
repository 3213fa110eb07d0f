using MotionServer.Host.CommandLine;

namespace MotionServer.Pipeline.Tests.Host;

public class HostArgumentsTests
{
    [Fact]
    public void Parse_OwnSwitchesAndConfigurationSwitches_AreSeparated()
    {
        var parsed = HostArguments.Parse(["--event-dir", "ev", "--demo", "--settings=s.json", "--MotionServer:Network:Port=8080", "--MotionServer:Detection:Workers", "2"], out var error);

        error.Should().BeNull();
        parsed!.EventDirectory.Should().Be("ev");
        parsed.SettingsFile.Should().Be("s.json");
        parsed.Demo.Should().BeTrue();
        parsed.ConfigurationArguments.Should().Equal("--MotionServer:Network:Port=8080", "--MotionServer:Detection:Workers", "2");
    }

    [Theory]
    [InlineData("--event-dir", "--event-dir needs a value")]
    [InlineData("--bogus", "unknown option '--bogus'")]
    public void Parse_Mistakes_AreReported(string arg, string message)
    {
        HostArguments.Parse([arg], out var error).Should().BeNull();
        error.Should().Be(message);
    }
}
