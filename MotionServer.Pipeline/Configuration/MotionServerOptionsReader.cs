using Microsoft.Extensions.Configuration;

namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// Reads the <c>MotionServer</c> section into <see cref="MotionServerOptions"/>, doing what the platform's binder does
/// not: it gathers every problem rather than stopping at the first (an unknown key, a value of the wrong form), so an
/// operator fixes the settings in one go, and it keeps a renamed key working with a warning. The values' checks are
/// <see cref="MotionServerOptionsValidation"/>'s (the generated validator's, in the settings' words); where each
/// problem was written (file and line) is the host's to say.
/// </summary>
internal static class MotionServerOptionsReader
{
    /// <summary>Reads and validates the settings below <paramref name="section"/>.</summary>
    /// <param name="section">The <c>MotionServer</c> section.</param>
    /// <param name="hostKeys">Keys below it that the host reads itself (e.g. <c>Dashboard:Listen</c>): known, not read here.</param>
    public static MotionServerOptionsReadResult Read(IConfiguration section, IReadOnlyCollection<string>? hostKeys = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = new MotionServerOptions();
        var reading = ReadInto(section, options, hostKeys);
        var problems = reading.Problems.Concat(MotionServerOptionsValidation.Check(options, PathOf(section))).ToArray();
        return new MotionServerOptionsReadResult(options, problems) { Warnings = reading.Warnings };
    }

    /// <summary>
    /// Validates settings made in code exactly as <see cref="Read"/> validates settings read from configuration
    /// (the same checks, the same keys below the <c>MotionServer</c> section, the same words).
    /// </summary>
    public static MotionServerOptionsReadResult Check(MotionServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new MotionServerOptionsReadResult(options, MotionServerOptionsValidation.Check(options, MotionServerDefaults.SectionName));
    }

    /// <summary>
    /// Sets <paramref name="options"/> from the keys below <paramref name="section"/> that are of the right form (the
    /// others keep their value), and says what was wrong with the rest. Values are not checked here.
    /// </summary>
    public static SettingsReading ReadInto(IConfiguration section, MotionServerOptions options, IReadOnlyCollection<string>? hostKeys = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var reading = new SettingsReading(options, PathOf(section), hostKeys ?? []);
        foreach (var child in section.GetChildren())
        {
            if (SettingsSchema.Sections.TryGetValue(child.Key, out var known))
            {
                reading.ReadSection(child, known);
            }
            else
            {
                reading.ReadKey(child, SettingsSchema.Root);
            }
        }

        return reading;
    }

    private static string PathOf(IConfiguration section) =>
        section is IConfigurationSection s ? s.Path : MotionServerDefaults.SectionName;
}
