using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using MotionServer.Host.Configuration;
using MotionServer.Pipeline.Configuration;

namespace MotionServer.Pipeline.Tests.Documentation;

/// <summary>
/// The three places that name every setting agree (issue 11): the options classes (what the server reads),
/// <c>MotionServer.Host/appsettings.json</c> (the shipped defaults) and <c>docs/settings.md</c> (what each one means).
/// A setting added to one and forgotten in another fails here, naming it.
/// </summary>
public sealed partial class SettingsDocumentationTests
{
    /// <summary>Set by the host from its command line (<c>--event-dir</c>, <c>--dry-run</c>), so not in appsettings.json.</summary>
    private static readonly string[] CommandLineKeys = ["EventDirectory", "DryRun"];

    [Fact]
    public void SettingsDocumentation_NamesEverySettingOfTheOptionsClasses_AndNoOther()
    {
        var documented = DocumentedDefaults().Keys.ToHashSet(StringComparer.Ordinal);
        var options = OptionKeys().ToHashSet(StringComparer.Ordinal);

        options.Except(documented).Should().BeEmpty("every setting has a row in docs/settings.md");
        documented.Except(options).Should().BeEmpty("docs/settings.md documents only settings the server reads");
    }

    [Fact]
    public void AppSettings_HoldsEverySettingOfTheOptionsClasses_ButThoseOfTheCommandLine()
    {
        var shipped = AppSettings().Keys.ToHashSet(StringComparer.Ordinal);
        var options = OptionKeys().Except(CommandLineKeys).ToHashSet(StringComparer.Ordinal);

        options.Except(shipped).Should().BeEmpty("every setting is listed in MotionServer.Host/appsettings.json with its default");
        shipped.Except(options).Should().BeEmpty("appsettings.json holds only settings the server reads");
    }

    [Fact]
    public void SettingsDocumentation_GivesTheDefaultsOfAppSettings()
    {
        var documented = DocumentedDefaults();
        foreach (var (key, value) in AppSettings())
        {
            documented.Should().ContainKey(key);
            documented[key].Should().StartWith(value, $"docs/settings.md gives {key} the default appsettings.json ships");
        }
    }

    [Fact]
    public void AppSettings_IsReadByTheServerWithoutAProblem()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(RepositoryFiles.PathOf("MotionServer.Host/appsettings.json"), optional: false)
            .Build();

        MotionServerOptionsReader.Read(configuration.GetSection(MotionServerDefaults.SectionName), DashboardListenOptions.HostKeys).Problems.Should().BeEmpty();
    }

    /// <summary>Every setting's key relative to the MotionServer section, e.g. <c>Network:Port</c>, from the options classes.</summary>
    private static IEnumerable<string> OptionKeys() => OptionKeys(typeof(MotionServerOptions), "").Concat(DashboardListenOptions.HostKeys);

    private static IEnumerable<string> OptionKeys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetCustomAttribute<ObsoleteAttribute>() is null)) // a renamed key, read under its new name
        {
            var t = property.PropertyType;
            bool section = t.IsClass && t != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(t);
            if (section)
            {
                foreach (string key in OptionKeys(t, $"{prefix}{property.Name}:"))
                {
                    yield return key;
                }
            }
            else
            {
                yield return prefix + property.Name;
            }
        }
    }

    /// <summary>appsettings.json's settings with their values as the documentation writes them (null: <c>none</c>; lists as compact JSON).</summary>
    private static Dictionary<string, string> AppSettings()
    {
        using var json = JsonDocument.Parse(RepositoryFiles.Read("MotionServer.Host/appsettings.json"),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(json.RootElement.GetProperty(MotionServerDefaults.SectionName), "", settings);
        return settings;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string> settings)
    {
        foreach (var property in element.EnumerateObject())
        {
            string key = prefix + property.Name;
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(value, key + ":", settings);
                    break;
                case JsonValueKind.Array:
                    settings[key] = JsonSerializer.Serialize(value);
                    break;
                case JsonValueKind.Null:
                    settings[key] = "none";
                    break;
                case JsonValueKind.String:
                    settings[key] = value.GetString()!;
                    break;
                default:
                    settings[key] = value.GetRawText();
                    break;
            }
        }
    }

    /// <summary>docs/settings.md's table: key → the default column without its backticks.</summary>
    private static Dictionary<string, string> DocumentedDefaults()
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match row in SettingRow().Matches(RepositoryFiles.Read("docs/settings.md")))
        {
            rows.Add(row.Groups["key"].Value, row.Groups["default"].Value.Replace("`", "", StringComparison.Ordinal).Trim());
        }

        rows.Should().NotBeEmpty("docs/settings.md has a table of settings: | `Key` | default | meaning |");
        return rows;
    }

    [GeneratedRegex(@"^\| `(?<key>[A-Za-z0-9:]+)` \| (?<default>[^|]*) \|", RegexOptions.Multiline)]
    private static partial Regex SettingRow();
}
