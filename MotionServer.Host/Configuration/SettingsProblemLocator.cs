using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using MotionServer.Pipeline.Configuration;

namespace MotionServer.Host.Configuration;

/// <summary>
/// Says where a bad setting came from — a JSON file and line, an environment variable or a command-line
/// switch — so the operator can go straight to it. The last source that sets a key is the one in force.
/// </summary>
internal static class SettingsProblemLocator
{
    public static string Describe(IConfigurationRoot configuration, SettingsProblem problem)
    {
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (!Sets(provider, problem.Key))
            {
                continue;
            }

            string where = provider switch
            {
                JsonConfigurationProvider json => LocateInFile(json, problem.Key),
                EnvironmentVariablesConfigurationProvider => $"environment variable {problem.Key.Replace(":", "__", StringComparison.Ordinal)}",
                CommandLineConfigurationProvider => "command line",
                _ => "settings",
            };
            return $"{where}: {problem}";
        }

        return $"settings: {problem}";
    }

    private static bool Sets(IConfigurationProvider provider, string key) =>
        provider.TryGet(key, out _) || provider.GetChildKeys([], key).Any();

    private static string LocateInFile(JsonConfigurationProvider provider, string key)
    {
        var source = provider.Source;
        string? path = source.FileProvider?.GetFileInfo(source.Path ?? "").PhysicalPath ?? source.Path;
        if (path is null || !File.Exists(path))
        {
            return source.Path ?? "settings file";
        }

        int? line = JsonKeyLocator.FindLine(File.ReadAllBytes(path), key);
        return line is null ? path : $"{path} line {line}";
    }
}
