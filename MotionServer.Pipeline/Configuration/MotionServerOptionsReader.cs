using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// Reads the <c>MotionServer</c> section into <see cref="MotionServerOptions"/> and gathers every problem
/// (unknown key, value of the wrong form, value out of range) rather than stopping at the first, so an
/// operator fixes the settings in one go. The standard binder ignores misspelt keys and throws on the
/// first bad value; this reader does neither.
/// </summary>
internal static class MotionServerOptionsReader
{
    /// <summary>Reads and validates the settings below <paramref name="section"/>.</summary>
    public static MotionServerOptionsReadResult Read(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = new MotionServerOptions();
        var problems = new List<SettingsProblem>();
        string prefix = section is IConfigurationSection s ? s.Path : MotionServerDefaults.SectionName;
        ReadObject(section, options, prefix, problems);
        Validate(options, prefix, problems);

        return new MotionServerOptionsReadResult(options, problems);
    }

    /// <summary>
    /// Validates settings made in code exactly as <see cref="Read"/> validates settings read from configuration
    /// (the same checks, the same keys below the <c>MotionServer</c> section, the same words).
    /// </summary>
    public static MotionServerOptionsReadResult Check(MotionServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<SettingsProblem>();
        Validate(options, MotionServerDefaults.SectionName, problems);
        return new MotionServerOptionsReadResult(options, problems);
    }

    private static void ReadObject(IConfiguration config, ISettingsSection target, string path, List<SettingsProblem> problems)
    {
        var properties = target.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

        foreach (var child in config.GetChildren())
        {
            string key = $"{path}:{child.Key}";
            if (!properties.TryGetValue(child.Key, out var property))
            {
                problems.Add(new SettingsProblem(key, null, $"unknown setting; known settings here are {string.Join(", ", properties.Keys.Order())}"));
                continue;
            }

            ReadProperty(child, target, property, key, problems);
        }
    }

    private static void ReadProperty(IConfigurationSection child, ISettingsSection target, PropertyInfo property, string key, List<SettingsProblem> problems)
    {
        var type = property.PropertyType;
        if (type == typeof(IList<string>))
        {
            var list = (IList<string>)property.GetValue(target)!;
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
                    problems.Add(new SettingsProblem($"{key}:{item.Key}", null, "expected a text value"));
                }
                else
                {
                    list.Add(item.Value);
                }
            }

            return;
        }

        if (typeof(ISettingsSection).IsAssignableFrom(type))
        {
            if (child.Value is not null)
            {
                problems.Add(new SettingsProblem(key, child.Value, "expected a section of settings, not a value"));
                return;
            }

            ReadObject(child, (ISettingsSection)property.GetValue(target)!, key, problems);
            return;
        }

        if (child.Value is null)
        {
            if (child.GetChildren().Any())
            {
                problems.Add(new SettingsProblem(key, null, "expected a value, not a section"));
            }

            // An empty value (e.g. "HostsFile": null) leaves the default.
            return;
        }

        if (TryConvert(child.Value, type, out object? value, out string expected))
        {
            property.SetValue(target, value);
        }
        else
        {
            problems.Add(new SettingsProblem(key, child.Value, $"expected {expected}"));
        }
    }

    private static bool TryConvert(string text, Type type, out object? value, out string expected)
    {
        var invariant = CultureInfo.InvariantCulture;
        value = null;
        expected = type.Name;
        if (type == typeof(string))
        {
            value = text;
            return true;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            if (text.Length == 0)
            {
                return true;
            }

            type = underlying;
        }

        switch (Type.GetTypeCode(type))
        {
            case TypeCode.Int32:
                expected = "a whole number";
                if (int.TryParse(text, NumberStyles.Integer, invariant, out int i)) { value = i; return true; }
                return false;
            case TypeCode.Int64:
                expected = "a whole number";
                if (long.TryParse(text, NumberStyles.Integer, invariant, out long l)) { value = l; return true; }
                return false;
            case TypeCode.Boolean:
                expected = "true or false";
                if (bool.TryParse(text, out bool b)) { value = b; return true; }
                return false;
            case TypeCode.Double:
                expected = "a number";
                if (double.TryParse(text, NumberStyles.Float, invariant, out double d) && double.IsFinite(d)) { value = d; return true; }
                return false;
        }

        if (type == typeof(TimeSpan))
        {
            expected = "a duration as hh:mm:ss (for example 00:00:05)";
            if (TimeSpan.TryParseExact(text, "c", invariant, out var t) && t >= TimeSpan.Zero) { value = t; return true; }
            return false;
        }

        return false;
    }

    private static void Validate(MotionServerOptions options, string prefix, List<SettingsProblem> problems)
    {
        foreach (var property in typeof(MotionServerOptions).GetProperties())
        {
            if (property.GetValue(options) is ISettingsSection section)
            {
                CheckRanges(section, $"{prefix}:{property.Name}", problems);
            }
        }

        if (options.Network.HostnameTemplate?.Contains("{id}", StringComparison.Ordinal) != true)
        {
            problems.Add(new SettingsProblem($"{prefix}:Network:HostnameTemplate", options.Network.HostnameTemplate, "must contain {id}, where the device id goes"));
        }

        foreach (var address in options.Network.IgnoredAddresses)
        {
            if (!System.Net.IPAddress.TryParse(address, out _))
            {
                problems.Add(new SettingsProblem($"{prefix}:Network:IgnoredAddresses", address, "expected an IP address"));
            }
        }

        if (options.Retry.MaxDelay < options.Retry.InitialDelay)
        {
            problems.Add(new SettingsProblem($"{prefix}:Retry:MaxDelay", options.Retry.MaxDelay.ToString("c", CultureInfo.InvariantCulture), "must not be shorter than Retry:InitialDelay"));
        }

        if (options.Dashboard.Listen is { Length: > 0 } listen &&
            (!Uri.TryCreate(listen, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/" || uri.Query.Length > 0))
        {
            problems.Add(new SettingsProblem($"{prefix}:Dashboard:Listen", listen, "expected an http:// URL without a path, such as http://0.0.0.0:8080"));
        }

        if (string.IsNullOrWhiteSpace(options.EventDirectory))
        {
            problems.Add(new SettingsProblem($"{prefix}:EventDirectory", options.EventDirectory, "must name a folder"));
        }
    }

    private static void CheckRanges(ISettingsSection section, string path, List<SettingsProblem> problems)
    {
        foreach (var property in section.GetType().GetProperties())
        {
            object? value = property.GetValue(section);
            if (property.GetCustomAttribute<SettingRangeAttribute>() is { } range && !range.Allows(value))
            {
                string? text = value switch
                {
                    null => null,
                    TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                };
                problems.Add(new SettingsProblem($"{path}:{property.Name}", text, $"must be between {range.Minimum} and {range.Maximum}"));
            }
        }
    }
}
