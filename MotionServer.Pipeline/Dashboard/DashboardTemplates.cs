using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// The dashboard templates: defaults embedded in the assembly, each overridable by a file of the same name in the
/// event's template folder. Every template is parsed once; an override is parsed again only when its file changes
/// (time or length). An override that fails to parse or to render is reported (file, line, message) and the embedded
/// default is used until the file changes. Not thread-safe: its renderer serializes calls.
/// </summary>
internal sealed partial class DashboardTemplates
{
    /// <summary>The shared CSS, rendered first and given to every page as <c>style</c>.</summary>
    public const string Style = "style.liquid";

    /// <summary>Every template the dashboards use.</summary>
    public static readonly IReadOnlyList<string> Names = [Style, "index.liquid", "events.liquid", "tracks.liquid", "results.liquid"];

    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Defaults = new(StringComparer.Ordinal);

    private readonly string? _directory;
    private readonly string _displayDirectory;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Override> _overrides = new(StringComparer.Ordinal);
    private int _version;

    /// <summary>Creates the set; <paramref name="directory"/> (absolute) holds the event's overrides, or null for none.</summary>
    /// <param name="directory">The override folder, absolute, or null.</param>
    /// <param name="displayDirectory">The same as the staff know it (relative to the event folder), for messages.</param>
    /// <param name="logger">Where template problems are reported.</param>
    public DashboardTemplates(string? directory, string displayDirectory, ILogger logger)
    {
        _directory = directory;
        _displayDirectory = displayDirectory.TrimEnd('/', '\\');
        _logger = logger;
    }

    /// <summary>
    /// Grows whenever an event template appears, changes, goes or fails to render: pages rendered from an older
    /// version may be out of date even when the fleet is not (see <see cref="Get"/>, which looks at the files).
    /// </summary>
    public int Version => _version;

    /// <summary>Problems of the overrides now in force, e.g. <c>config/templates/index.liquid line 4, column 19: ...</c>.</summary>
    public IReadOnlyList<string> Problems =>
        [.. _overrides.Where(o => o.Value.Problem is not null).OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Value.Problem!)];

    /// <summary>The embedded default for <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">It is missing or does not parse (a build defect).</exception>
    public static IFluidTemplate Default(string name) => Defaults.GetOrAdd(name, static n =>
    {
        string text = ReadEmbedded(n);
        return Parser.TryParse(text, out var template, out string error)
            ? template
            : throw new InvalidOperationException($"The embedded dashboard template {n} does not parse: {error}");
    });

    /// <summary>The embedded default's text, e.g. to start an event's own copy from.</summary>
    public static string ReadEmbedded(string name)
    {
        var assembly = typeof(DashboardTemplates).Assembly;
        string resource = $"{typeof(DashboardTemplates).Namespace}.Templates.{name}";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The dashboard template {name} is not embedded ({resource}).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The template to render for <paramref name="name"/>: the event's override when it parses, else the default.</summary>
    public IFluidTemplate Get(string name, out bool isOverride)
    {
        var chosen = Refresh(name);
        isOverride = chosen is not null;
        return chosen ?? Default(name);
    }

    /// <summary>The override of <paramref name="name"/> failed while rendering: the default is used until its file changes.</summary>
    public void ReportRenderFailure(string name, Exception exception)
    {
        if (_overrides.TryGetValue(name, out var entry) && entry.Template is not null)
        {
            string problem = $"{DisplayPath(name)}: {FirstLine(exception.Message)}";
            _overrides[name] = entry with { Template = null, Problem = problem };
            _version++;
            LogTemplateFailed(_logger, problem);
        }
    }

    private IFluidTemplate? Refresh(string name)
    {
        if (_directory is null)
        {
            return null;
        }

        string path = Path.Combine(_directory, name);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            if (_overrides.Remove(name))
            {
                _version++;
            }

            return null;
        }

        if (_overrides.TryGetValue(name, out var known) && known.LastWriteUtc == file.LastWriteTimeUtc && known.Length == file.Length)
        {
            return known.Template;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Perhaps being saved right now: not remembered, so the next render reads it again.
            return known?.Template;
        }

        Override entry;
        string displayPath = DisplayPath(name);
        if (Parser.TryParse(text, out var template, out string error))
        {
            entry = new Override(file.LastWriteTimeUtc, file.Length, template, null);
            LogTemplateLoaded(_logger, displayPath);
        }
        else
        {
            entry = new Override(file.LastWriteTimeUtc, file.Length, null, Describe(name, error));
            LogTemplateFailed(_logger, entry.Problem!);
        }

        _overrides[name] = entry;
        _version++;
        return entry.Template;
    }

    private string DisplayPath(string name) => $"{_displayDirectory}/{name}";

    /// <summary>Fluid says <c>'{% endif %}' was expected at (4:19)\nSource: ...</c>; the staff read <c>file line 4, column 19: ...</c>.</summary>
    private string Describe(string name, string error)
    {
        string first = FirstLine(error);
        var match = PositionPattern().Match(first);
        if (!match.Success)
        {
            return $"{DisplayPath(name)}: {first}";
        }

        string message = first.Remove(match.Index, match.Length).Trim();
        return string.Create(CultureInfo.InvariantCulture,
            $"{DisplayPath(name)} line {match.Groups["line"].Value}, column {match.Groups["column"].Value}: {message}");
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return DisplayText.Clean(end < 0 ? text : text[..end], 500);
    }

    [GeneratedRegex(@"\s*at \((?<line>[0-9]+):(?<column>[0-9]+)\)")]
    private static partial Regex PositionPattern();

    private sealed record Override(DateTime LastWriteUtc, long Length, IFluidTemplate? Template, string? Problem);
}
