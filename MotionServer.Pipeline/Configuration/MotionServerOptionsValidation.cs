using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// Validates <see cref="MotionServerOptions"/>, for <c>IOptions&lt;MotionServerOptions&gt;</c> (and <c>ValidateOnStart</c>)
/// as for <see cref="MotionServerOptionsReader"/>: the generated validator's checks, then the rules no attribute can say
/// (a template that names the id, addresses that are addresses, one delay not shorter than another), each failure said
/// as the settings' contract says it (<c>MotionServer:Download:Workers = "0": must be between 1 and 64</c>). Problems
/// found while reading configuration (unknown keys, values of the wrong form) are given at construction and come first.
/// </summary>
internal sealed partial class MotionServerOptionsValidation(IReadOnlyList<SettingsProblem>? readProblems = null) : IValidateOptions<MotionServerOptions>
{
    private static readonly MotionServerOptionsValidator Generated = new();

    public ValidateOptionsResult Validate(string? name, MotionServerOptions options)
    {
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = (readProblems ?? []).Concat(Check(options, MotionServerDefaults.SectionName)).ToArray();
        return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
    }

    /// <summary>Every problem of <paramref name="options"/>, keyed below <paramref name="prefix"/> (the section's path).</summary>
    public static IReadOnlyList<SettingsProblem> Check(MotionServerOptions options, string prefix)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = GeneratedChecks(options, prefix);
        problems.AddRange(MotionServerOptionsRules.Check(options, prefix));
        return problems;
    }

    private static List<SettingsProblem> GeneratedChecks(MotionServerOptions options, string prefix)
    {
        // The generated checks format their bounds in the current culture: the contract's words are the invariant ones.
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var result = Generated.Validate(prefix, options);
            return result.Failed ? [.. result.Failures.Select(f => Translate(f, options, prefix))] : [];
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    /// <summary>
    /// One failure of the generated validator in the settings' words. A range says <c>Workers: The field
    /// MotionServer.Download.Workers must be between 1 and 64.</c> (durations as <c>00:00:00.0100000</c>); any other
    /// check says <c>Member: message</c> with the message its attribute gives.
    /// </summary>
    internal static SettingsProblem Translate(string failure, MotionServerOptions options, string prefix)
    {
        var range = RangeFailure().Match(failure);
        if (range.Success)
        {
            string key = range.Groups["path"].Value[(prefix.Length + 1)..].Replace('.', ':');
            bool duration = SettingsSchema.Find(key)?.Property.PropertyType == typeof(TimeSpan);
            string message = $"must be between {Bound(range.Groups["min"].Value, duration)} and {Bound(range.Groups["max"].Value, duration)}";
            return new SettingsProblem($"{prefix}:{key}", SettingsSchema.ValueText(options, key), message);
        }

        int colon = failure.IndexOf(": ", StringComparison.Ordinal);
        string member = colon > 0 ? failure[..colon] : string.Empty;
        string said = colon > 0 ? failure[(colon + 2)..] : failure;
        return new SettingsProblem(member.Length > 0 ? $"{prefix}:{member}" : prefix, SettingsSchema.ValueText(options, member), said);
    }

    /// <summary>A duration's bound as the settings write it: <c>00:00:00.010</c>, <c>01:00:00</c>.</summary>
    private static string Bound(string text, bool duration) =>
        duration && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var t)
            ? t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? @"hh\:mm\:ss" : @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture)
            : text;

    [GeneratedRegex(@"The field (?<path>\S+) must be between (?<min>\S+) and (?<max>\S+)\.$")]
    private static partial Regex RangeFailure();
}
