using System.Globalization;
using System.Reflection;

namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// Every key of the <c>MotionServer</c> section: the sections of settings, their keys, and the keys that were renamed.
/// A test checks that every section of <see cref="MotionServerOptions"/> is listed here.
/// </summary>
internal static class SettingsSchema
{
    /// <summary>The section itself: its values (<c>EventDirectory</c>, ...) and its sections' names.</summary>
    public static readonly SettingsSection Root = SettingsSection.Create(string.Empty, o => o);

    /// <summary>The sections below <c>MotionServer</c>, by name, whatever its case.</summary>
    public static readonly IReadOnlyDictionary<string, SettingsSection> Sections = new[]
    {
        SettingsSection.Create(nameof(MotionServerOptions.Network), o => o.Network),
        SettingsSection.Create(nameof(MotionServerOptions.Detection), o => o.Detection),
        SettingsSection.Create(nameof(MotionServerOptions.Inspection), o => o.Inspection),
        SettingsSection.Create(nameof(MotionServerOptions.Download), o => o.Download),
        SettingsSection.Create(nameof(MotionServerOptions.Disconnection), o => o.Disconnection),
        SettingsSection.Create(nameof(MotionServerOptions.Limits), o => o.Limits),
        SettingsSection.Create(nameof(MotionServerOptions.Dashboard), o => o.Dashboard),
        SettingsSection.Create(nameof(MotionServerOptions.Host), o => o.Host),
        SettingsSection.Create(nameof(MotionServerOptions.Filters), o => o.Filters),
        SettingsSection.Create(nameof(MotionServerOptions.Expected), o => o.Expected),
        SettingsSection.Create(nameof(MotionServerOptions.Thresholds), o => o.Thresholds),
        SettingsSection.Create(nameof(MotionServerOptions.Results), o => o.Results),
        SettingsSection.Create(nameof(MotionServerOptions.Retry), o => o.Retry),
    }.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Keys that were renamed (old key, below <c>MotionServer</c>, to new key). The old key still works, with a
    /// warning that names the new one; when both are given, the new one wins.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Renamed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // It counts inspection failures too, not only downloads'.
        ["Download:AttemptsBeforeAttention"] = "Retry:AttemptsBeforeAttention",
    };

    /// <summary>The section and property of a key below <c>MotionServer</c> (e.g. <c>Download:Workers</c>), or null.</summary>
    public static (SettingsSection Section, PropertyInfo Property)? Find(string key)
    {
        string[] parts = key.Split(':');
        var section = parts.Length switch
        {
            1 => Root,
            2 => Sections.GetValueOrDefault(parts[0]),
            _ => null,
        };
        return section is not null && section.Properties.TryGetValue(parts[^1], out var property) ? (section, property) : null;
    }

    /// <summary>The value of a key below <c>MotionServer</c> as the settings write it (durations as hh:mm:ss), or null.</summary>
    public static string? ValueText(MotionServerOptions options, string key) =>
        Find(key) is var (section, property) ? Text(property.GetValue(section.In(options))) : null;

    /// <summary>A value as the settings write it.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
