using System.Reflection;

namespace MotionServer.Pipeline.Versioning;

/// <summary>
/// The version of this build, as the first log line, the page footer, <c>status.json</c> and <c>--version</c> say it.
/// The build stamps the assembly's informational version as <c>0.2.0+&lt;commit&gt;</c> when it is built from a git
/// clone (the SDK's source-control information) and as plain <c>0.2.0</c> without git; both are read here.
/// </summary>
internal sealed record ProductVersion(string Version, string? Commit)
{
    /// <summary>Characters of the commit shown in <see cref="Text"/>: enough to find it, short enough for a footer.</summary>
    public const int ShortCommitLength = 7;

    /// <summary>This build's version, read once from the pipeline assembly.</summary>
    public static ProductVersion Current { get; } = Parse(
        typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary><c>0.2.0+abc1234</c>, or <c>0.2.0</c> when the commit is unknown.</summary>
    public string Text => Commit is null ? Version : $"{Version}+{Commit[..Math.Min(ShortCommitLength, Commit.Length)]}";

    /// <summary>Reads an informational version (<c>0.2.0</c>, <c>0.2.0+sha</c>, <c>0.2.0-beta+sha</c>); null or blank reads as <c>0.0.0</c>.</summary>
    public static ProductVersion Parse(string? informationalVersion)
    {
        string text = informationalVersion?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new ProductVersion("0.0.0", null);
        }

        int plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            return new ProductVersion(text, null);
        }

        string metadata = text[(plus + 1)..];
        return new ProductVersion(text[..plus], metadata.Length == 0 ? null : metadata);
    }
}
