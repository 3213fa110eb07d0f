using MotionServer.Host.CommandLine;
using MotionServer.Host.Service;

namespace MotionServer.Pipeline.Tests.Host;

public sealed class ServiceModeTests
{
    [Fact]
    public void Check_AsAServiceWithoutEventDir_IsRefusedNamingTheSwitch()
    {
        var problem = ServiceMode.Check(HostArguments.Parse([], out _)!, runningAsService: true);

        problem.Should().StartWith("running as a service, --event-dir is required");
    }

    [Theory]
    [InlineData(true, "--event-dir", "/srv/event")]
    [InlineData(true, "--demo")]
    [InlineData(false)]
    public void Check_WithEventDirOrDemoOrFromATerminal_IsAccepted(bool service, params string[] args)
    {
        ServiceMode.Check(HostArguments.Parse(args, out _)!, service).Should().BeNull();
    }

    [Fact]
    public void IsRunningAsService_InATestRun_IsFalse()
    {
        ServiceMode.IsRunningAsService().Should().BeFalse("neither the Service Control Manager nor systemd started the test runner");
    }
}
