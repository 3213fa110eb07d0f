using System.Text.Json;

namespace MotionServer.Pipeline.Tests.Host;

/// <summary>
/// The runtime settings the host ships with (MotionServer.Host.csproj), read from the runtimeconfig.json the build
/// writes beside MotionServer.Host.dll: each one was measured to lower the memory or the CPU at rest
/// (benchmarks/README.md), and losing one would not fail any other test.
/// </summary>
public sealed class HostRuntimeConfigTests
{
    [Fact]
    public void RuntimeConfig_AsBuilt_HasTheAtRestSettings()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "MotionServer.Host.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var properties = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        properties.GetProperty("System.GC.LOHThreshold").GetInt64().Should().Be(32 * 1024 * 1024,
            "buffers up to 32 MiB are reclaimed by gen0 collections instead of waiting in the large-object heap");
        properties.GetProperty("System.GC.Server").GetBoolean().Should().BeFalse();
        properties.GetProperty("System.GC.Concurrent").GetBoolean().Should().BeFalse();
    }
}
