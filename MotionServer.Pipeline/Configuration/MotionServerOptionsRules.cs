using System.Globalization;
using System.Net;

namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// The rules of the settings that no validation attribute says: they concern a value's content or two values at once.
/// </summary>
internal static class MotionServerOptionsRules
{
    /// <summary>Every broken rule, keyed below <paramref name="prefix"/>.</summary>
    public static IEnumerable<SettingsProblem> Check(MotionServerOptions options, string prefix)
    {
        if (options.Network.HostnameTemplate?.Contains("{id}", StringComparison.Ordinal) != true)
        {
            yield return new SettingsProblem($"{prefix}:Network:HostnameTemplate", options.Network.HostnameTemplate, "must contain {id}, where the device id goes");
        }

        foreach (var address in options.Network.IgnoredAddresses.Where(a => !IPAddress.TryParse(a, out _)))
        {
            yield return new SettingsProblem($"{prefix}:Network:IgnoredAddresses", address, "expected an IP address");
        }

        if (options.Detection.NameLookup is not { } lookup
            || !(lookup.Equals("direct", StringComparison.OrdinalIgnoreCase) || lookup.Equals("system", StringComparison.OrdinalIgnoreCase)
                || lookup.Equals("hosts", StringComparison.OrdinalIgnoreCase)))
        {
            yield return new SettingsProblem($"{prefix}:Detection:NameLookup", options.Detection.NameLookup, "must be direct, system or hosts");
        }

        if (options.Retry.MaxDelay < options.Retry.InitialDelay)
        {
            yield return new SettingsProblem($"{prefix}:Retry:MaxDelay", options.Retry.MaxDelay.ToString("c", CultureInfo.InvariantCulture), "must not be shorter than Retry:InitialDelay");
        }

    }
}
