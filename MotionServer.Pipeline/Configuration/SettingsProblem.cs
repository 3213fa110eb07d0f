namespace MotionServer.Pipeline.Configuration;

/// <summary>One thing wrong with the settings.</summary>
/// <param name="Key">The full configuration key, e.g. <c>MotionServer:Download:Workers</c>.</param>
/// <param name="Value">The value as configured, or null when the key itself is the problem.</param>
/// <param name="Message">What is wrong and what would be right.</param>
internal sealed record SettingsProblem(string Key, string? Value, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        Value is null ? $"{Key}: {Message}" : $"{Key} = \"{Value}\": {Message}";
}
