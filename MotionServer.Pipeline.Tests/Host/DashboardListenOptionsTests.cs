using Microsoft.Extensions.Configuration;
using MotionServer.Host.Configuration;

namespace MotionServer.Pipeline.Tests.Host;

/// <summary>Dashboard:Listen is the host's setting, checked once, when the settings are read.</summary>
public class DashboardListenOptionsTests
{
    private static (DashboardListenOptions Options, string? Problem) Read(string? listen)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("MotionServer:Dashboard:Listen", listen)])
            .Build();
        var (options, problem) = DashboardListenOptions.Read(configuration.GetSection("MotionServer"));
        return (options, problem?.ToString());
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://[::]:8080/")]
    public void Read_AnHttpUrlWithoutAPath_IsTheAddress(string url)
    {
        var (options, problem) = Read(url);

        problem.Should().BeNull();
        options.Listen.Should().Be(url);
    }

    [Theory]
    [InlineData("0.0.0.0:8080")]
    [InlineData("https://0.0.0.0:8443")]
    [InlineData("http://0.0.0.0:8080/dash")]
    [InlineData("http://0.0.0.0:8080/?page=1")]
    public void Read_AnythingElse_IsABadSetting_InTheContractsWords(string url)
    {
        var (options, problem) = Read(url);

        problem.Should().Be($"MotionServer:Dashboard:Listen = \"{url}\": expected an http:// URL without a path, such as http://0.0.0.0:8080");
        options.Listen.Should().BeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Read_NoneGiven_ServesNothing(string? url)
    {
        var (options, problem) = Read(url);

        problem.Should().BeNull();
        options.Listen.Should().BeNull();
    }
}
