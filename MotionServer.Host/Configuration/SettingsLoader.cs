using Microsoft.Extensions.Configuration;
using MotionServer.Host.CommandLine;
using MotionServer.Pipeline.Configuration;

namespace MotionServer.Host.Configuration;

/// <summary>
/// Builds the settings in the contract's order — appsettings.json beside the program, then the
/// <c>--settings</c> file, then environment variables, then <c>--MotionServer:…</c> switches, then what the
/// host itself decides (the event folder, the demo's fleet) — and reads them, naming where every problem is.
/// </summary>
internal static class SettingsLoader
{
    public static SettingsLoadResult Load(HostArguments arguments, IReadOnlyDictionary<string, string?> overrides)
    {
        IConfigurationRoot configuration;
        try
        {
            var builder = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
            if (arguments.SettingsFile is { } settingsFile)
            {
                string path = Path.GetFullPath(settingsFile);
                if (!File.Exists(path))
                {
                    return SettingsLoadResult.Refused($"{path}: settings file not found");
                }

                builder.AddJsonFile(path, optional: false, reloadOnChange: false);
            }

            configuration = builder
                .AddEnvironmentVariables()
                .AddCommandLine([.. arguments.ConfigurationArguments])
                .AddInMemoryCollection(overrides)
                .Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
        {
            return SettingsLoadResult.Refused(DescribeLoadFailure(e));
        }

        var section = configuration.GetSection(MotionServerDefaults.SectionName);
        var read = MotionServerOptionsReader.Read(section, DashboardListenOptions.HostKeys);
        var (dashboard, listenProblem) = DashboardListenOptions.Read(section);
        var problems = read.Problems.Append(listenProblem).OfType<SettingsProblem>()
            .Select(p => SettingsProblemLocator.Describe(configuration, p)).ToArray();
        return new SettingsLoadResult(configuration, read, problems) { Dashboard = dashboard };
    }

    /// <summary>
    /// A JSON syntax error arrives as "Failed to load configuration from file 'F'." wrapping "Could not parse the JSON
    /// file." wrapping the reader's own exception, which alone knows the line: bring the file and the line together
    /// (the contract asks for both), and keep the reader's words without its position suffix.
    /// </summary>
    private static string DescribeLoadFailure(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Text.Json.JsonException { LineNumber: long line } json)
            {
                string file = e.Message.Split('\'') is [_, var path, ..] ? path : "a settings file";
                string what = json.Message.Split(" LineNumber:", 2)[0].Trim();
                return $"{file} line {line + 1}: not valid JSON - {what}";
            }
        }

        return e.InnerException is { } cause ? $"{e.Message} {cause.Message}" : e.Message;
    }
}

/// <summary>The settings, or why they cannot be used.</summary>
internal sealed record SettingsLoadResult(IConfigurationRoot? Configuration, MotionServerOptionsReadResult? Settings, IReadOnlyList<string> Problems)
{
    /// <summary>The host's own setting of the dashboards' web server.</summary>
    public DashboardListenOptions Dashboard { get; init; } = new();

    public static SettingsLoadResult Refused(string problem) => new(null, null, [problem]);
}
