using MotionServer.Host.CommandLine;

namespace MotionServer.Pipeline.Tests.Host;

public class HostArgumentsTests
{
    [Fact]
    public void Parse_OwnSwitchesAndConfigurationSwitches_AreSeparated()
    {
        var parsed = HostArguments.Parse(["--event-dir", "ev", "--demo", "--settings=s.json", "--MotionServer:Network:Port=8080", "--MotionServer:Detection:Workers", "2"], out var errors);

        errors.Should().BeEmpty();
        parsed!.EventDirectory.Should().Be("ev");
        parsed.SettingsFile.Should().Be("s.json");
        parsed.Demo.Should().BeTrue();
        parsed.ConfigurationArguments.Should().Equal("--MotionServer:Network:Port=8080", "--MotionServer:Detection:Workers", "2");
    }

    [Fact]
    public void Parse_VersionAndDryRun_AreOwnSwitches()
    {
        var parsed = HostArguments.Parse(["--dry-run", "--version"], out var errors);

        errors.Should().BeEmpty();
        parsed!.DryRun.Should().BeTrue();
        parsed.Version.Should().BeTrue();
        parsed.ConfigurationArguments.Should().BeEmpty();
        HostCommandLine.Help(HostCommandLine.Root).Should().Contain("--dry-run").And.Contain("--version");
    }

    [Theory]
    [InlineData("--event-dir", "--event-dir needs a value")]
    [InlineData("--bogus", "unknown option '--bogus'")]
    public void Parse_Mistakes_AreReported(string arg, string message)
    {
        HostArguments.Parse([arg], out var errors).Should().BeNull();
        errors.Should().Equal(message);
    }

    [Fact]
    public void Parse_SlashSettingBeforeAnOwnSwitch_KeepsBoth()
    {
        // The configuration provider's other form: "/MotionServer:..." once swallowed the switches after it.
        var parsed = HostArguments.Parse(["/MotionServer:Detection:Workers=8", "--demo"], out var errors);

        errors.Should().BeEmpty();
        parsed!.Demo.Should().BeTrue();
        parsed.ConfigurationArguments.Should().Equal("/MotionServer:Detection:Workers=8");
    }

    [Fact]
    public void Parse_SettingWithItsValueApart_TakesTheNextTokenButNeverAnOwnSwitch()
    {
        var parsed = HostArguments.Parse(["--MotionServer:Network:Port", "--demo"], out var errors);

        parsed.Should().BeNull();
        errors.Should().Equal("--MotionServer:Network:Port needs a value");
    }

    [Fact]
    public void Parse_SwitchAsTheValueOfAnother_IsAMissingValue()
    {
        HostArguments.Parse(["--event-dir", "--demo"], out var errors).Should().BeNull();
        errors.Should().Equal("--event-dir needs a value");
    }

    [Fact]
    public void Parse_SeveralMistakes_AreAllReported()
    {
        HostArguments.Parse(["--bogus", "--settings", "--MotionServer:Network:Port=1", "stray", "--event-dir"], out var errors).Should().BeNull();

        errors.Should().Equal("--settings needs a value", "--event-dir needs a value", "unknown option '--bogus'", "unknown option 'stray'");
    }

    [Fact]
    public void Help_Server_ListsTheCommands()
    {
        string help = HostCommandLine.Help(HostCommandLine.Root);

        help.Should().Contain("verify").And.Contain("results").And.Contain("--event-dir").And.Contain("--MotionServer:Section:Key=value");
        HostArguments.Parse(["-h"], out _)!.Help.Should().BeTrue();
    }
}
