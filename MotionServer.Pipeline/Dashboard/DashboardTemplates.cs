using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.Files;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// The dashboard templates: defaults embedded in the assembly, each overridable by a file of the same name in the
/// event's template folder. Every template is parsed once; an override is parsed again only when its file changes
/// (time or length: a <see cref="PolledFile"/> each). An override that fails to parse or to render is reported (file, line, message) and the embedded
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
    private readonly Dictionary<string, PolledFile> _files = new(StringComparer.Ordinal);
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

        var file = OverrideFile(name);
        var poll = file.Poll();
        var known = _overrides.GetValueOrDefault(name);
        if (poll.Change != FileChange.Changed)
        {
            return known?.Template; // unchanged, or cannot be looked at now: what is in force stays
        }

        if (!poll.Stamp.Exists)
        {
            if (_overrides.Remove(name))
            {
                _version++;
            }

            file.Accept(poll.Stamp);
            return null;
        }

        if (ReadText(file.Path) is not { } text)
        {
            return known?.Template; // perhaps being saved right now: not accepted, so the next render reads it again
        }

        var entry = Parse(name, text);
        _overrides[name] = entry;
        file.Accept(poll.Stamp);
        _version++;
        return entry.Template;
    }

    private PolledFile OverrideFile(string name)
    {
        if (!_files.TryGetValue(name, out var file))
        {
            _files[name] = file = new PolledFile(Path.Combine(_directory!, name));
        }

        return file;
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private Override Parse(string name, string text)
    {
        if (Parser.TryParse(text, out var template, out string error))
        {
            LogTemplateLoaded(_logger, DisplayPath(name));
            return new Override(template, null);
        }

        var failed = new Override(null, Describe(name, error));
        LogTemplateFailed(_logger, failed.Problem!);
        return failed;
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

    private sealed record Override(IFluidTemplate? Template, string? Problem);
}
