using Microsoft.Extensions.Logging;

namespace MotionServer.Host.Demo;

// TEMPORARY until the emulator lands: the demo refuses to start.
internal sealed class DemoEnvironment : IAsyncDisposable
{
    public string EventDirectory { get; } = "";

    public IReadOnlyDictionary<string, string?> SettingsOverrides { get; } = new Dictionary<string, string?>();

    public static Task<(DemoEnvironment? Environment, string? Problem)> StartAsync(string? eventDirectory) =>
        Task.FromResult<(DemoEnvironment?, string?)>((null, $"the demo is not available yet ({eventDirectory})"));

    public static void Announce(ILogger logger) => ArgumentNullException.ThrowIfNull(logger);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
