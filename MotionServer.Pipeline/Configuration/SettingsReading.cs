using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// One read of the <c>MotionServer</c> section into an options object, key by key: what it could not read
/// (<see cref="Problems"/>) and the renamed keys it read under their new names (<see cref="Warnings"/>). Keys the host
/// reads itself are known and left to it.
/// </summary>
internal sealed class SettingsReading(MotionServerOptions options, string prefix, IReadOnlyCollection<string> hostKeys)
{
    private readonly List<SettingsProblem> _problems = [];
    private readonly List<SettingsProblem> _warnings = [];

    /// <summary>Unknown keys, values of the wrong form, a section where a value goes and the reverse.</summary>
    public IReadOnlyList<SettingsProblem> Problems => _problems;

    /// <summary>Renamed keys that were used under their old name: each is read, and says its new name.</summary>
    public IReadOnlyList<SettingsProblem> Warnings => _warnings;

    /// <summary>Reads the keys of one section (e.g. <c>Download</c>).</summary>
    public void ReadSection(IConfigurationSection config, SettingsSection section)
    {
        if (config.Value is not null)
        {
            _problems.Add(new SettingsProblem($"{prefix}:{config.Key}", config.Value, "expected a section of settings, not a value"));
            return;
        }

        foreach (var child in config.GetChildren())
        {
            ReadKey(child, section);
        }
    }

    /// <summary>Reads one key of <paramref name="section"/> into its property, or says why it cannot.</summary>
    public void ReadKey(IConfigurationSection child, SettingsSection section)
    {
        string relative = section.Name.Length == 0 ? child.Key : $"{section.Name}:{child.Key}";
        string key = $"{prefix}:{relative}";
        if (section.Properties.TryGetValue(child.Key, out var property))
        {
            ReadProperty(child, property, section.In(options), key);
        }
        else if (SettingsSchema.Renamed.TryGetValue(relative, out string? renamed) && SettingsSchema.Find(renamed) is var (target, targetProperty))
        {
            _warnings.Add(new SettingsProblem(key, child.Value, $"now {prefix}:{renamed}; the old name still works, the new one wins when both are given"));
            ReadProperty(child, targetProperty, target.In(options), key);
        }
        else if (!hostKeys.Contains(relative, StringComparer.OrdinalIgnoreCase))
        {
            string known = string.Join(", ", section.Properties.Keys.Order());
            _problems.Add(new SettingsProblem(key, null, $"unknown setting; known settings here are {known}"));
        }
    }

    private void ReadProperty(IConfigurationSection child, PropertyInfo property, object target, string key)
    {
        if (property.PropertyType == typeof(IList<string>))
        {
            ReadList(child, (IList<string>)property.GetValue(target)!, key);
        }
        else if (child.Value is null)
        {
            if (child.GetChildren().Any())
            {
                _problems.Add(new SettingsProblem(key, null, "expected a value, not a section"));
            }

            // An empty value (e.g. "HostsFile": null) leaves the default.
        }
        else if (SettingValueParser.TryParse(child.Value, property.PropertyType, out object? value, out string expected))
        {
            property.SetValue(target, value);
        }
        else
        {
            _problems.Add(new SettingsProblem(key, child.Value, $"expected {expected}"));
        }
    }

    private void ReadList(IConfigurationSection child, IList<string> list, string key)
    {
        list.Clear();
        if (child.Value is { Length: > 0 } single)
        {
            // A single value (e.g. from an environment variable) is a one-item list.
            list.Add(single);
            return;
        }

        foreach (var item in child.GetChildren())
        {
            if (item.Value is null)
            {
                _problems.Add(new SettingsProblem($"{key}:{item.Key}", null, "expected a text value"));
            }
            else
            {
                list.Add(item.Value);
            }
        }
    }
}
