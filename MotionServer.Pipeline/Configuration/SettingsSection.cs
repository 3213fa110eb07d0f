using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// One class of settings as <see cref="MotionServerOptionsReader"/> reads it: its keys are the public properties of a
/// type named in code (<see cref="Create{T}"/>), so trimming keeps them (the host is published as Native AOT) without a
/// marker interface on the options classes. An <see cref="ObsoleteAttribute">obsolete</see> property is no key: its
/// key was renamed, and <see cref="SettingsSchema.Renamed"/> says where to.
/// </summary>
internal sealed class SettingsSection
{
    private readonly Func<MotionServerOptions, object> _get;

    private SettingsSection(string name, Func<MotionServerOptions, object> get, IReadOnlyDictionary<string, PropertyInfo> properties)
    {
        Name = name;
        _get = get;
        Properties = properties;
    }

    /// <summary>The section's name below <c>MotionServer</c> (empty for the section itself).</summary>
    public string Name { get; }

    /// <summary>The section's keys, whatever their case.</summary>
    public IReadOnlyDictionary<string, PropertyInfo> Properties { get; }

    /// <summary>The section's settings object within <paramref name="options"/>.</summary>
    public object In(MotionServerOptions options) => _get(options);

    /// <summary>The section <paramref name="name"/>, whose settings are <paramref name="get"/>'s result.</summary>
    public static SettingsSection Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        string name, Func<MotionServerOptions, T> get)
        where T : class
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<ObsoleteAttribute>() is null)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        return new SettingsSection(name, o => get(o), properties);
    }
}
