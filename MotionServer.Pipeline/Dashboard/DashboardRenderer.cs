using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// Renders every dashboard page and status.json from one snapshot, in memory. HTML-encoding is always on
/// (<see cref="Encoder"/>): device-supplied text never reaches a page as markup. Not thread-safe
/// (its templates remember overrides): the publisher serializes renders.
/// </summary>
internal sealed class DashboardRenderer
{
    /// <summary>The pages, as (template, file) pairs.</summary>
    public static readonly IReadOnlyList<(string Template, string File)> Pages =
    [
        ("index.liquid", "index.html"),
        ("events.liquid", "events.html"),
        ("tracks.liquid", "tracks.html"),
        ("results.liquid", "results.html"),
    ];

    /// <summary>The machine-readable file.</summary>
    public const string StatusFile = "status.json";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// HTML-encodes what is markup (<c>&lt; &gt; &amp; " '</c>) and leaves other letters as UTF-8: the default encoder
    /// wrote every "—" and accented name as an 8-byte <c>&amp;#x2014;</c>, a large part of a 1,000-device page.
    /// </summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly DashboardTemplates _templates;
    private readonly TimeProvider _time;
    private readonly TemplateOptions _options;
    private readonly TemplateOptions _eventOptions;
    private readonly int _refreshSeconds;
    private readonly Dictionary<string, int> _sizeHints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MemoryStream>? _buffers;

    /// <summary>Creates a renderer.</summary>
    /// <param name="templates">The templates (defaults and the event's overrides).</param>
    /// <param name="time">Gives the laptop's time zone.</param>
    /// <param name="refresh">Time between two renders: the pages reload themselves as often (at least every second).</param>
    /// <param name="strictVariables">Whether a missing variable or member throws (tests).</param>
    /// <param name="reuseBuffers">
    /// Whether each file is rendered into the same buffer every time: the files a render returns are then valid only
    /// until the next render. A 1,000-device page is ~1.5 MB; a new buffer for each page every tick fills the
    /// large-object heap all day (the publisher writes the files before it renders again).
    /// </param>
    public DashboardRenderer(DashboardTemplates templates, TimeProvider time, TimeSpan refresh, bool strictVariables = false, bool reuseBuffers = false)
    {
        _buffers = reuseBuffers ? new Dictionary<string, MemoryStream>(StringComparer.Ordinal) : null;
        _templates = templates;
        _time = time;
        _options = DashboardTemplateOptions.Create(strictVariables);
        _eventOptions = DashboardTemplateOptions.Create(strictVariables, DashboardTemplateOptions.EventTemplateMaxSteps);
        _refreshSeconds = Math.Max(1, (int)Math.Ceiling(refresh.TotalSeconds));
    }

    /// <summary>
    /// Looks at the event's template files (re-read when changed) and returns <see cref="DashboardTemplates.Version"/>:
    /// a new value means pages rendered before may be out of date.
    /// </summary>
    public int LookAtTemplates()
    {
        foreach (string name in DashboardTemplates.Names)
        {
            _templates.Get(name, out _);
        }

        return _templates.Version;
    }

    /// <summary>Renders index.html, the other pages and status.json, or status.json alone when not <paramref name="pages"/>.</summary>
    public IReadOnlyList<DashboardFile> Render(FleetSnapshot snapshot, bool pages = true) =>
        Render(snapshot, pages ? static (_, _) => true : static (_, _) => false);

    /// <summary>
    /// Renders the pages <paramref name="isDue"/> asks for (given a page's file name and whether the event's own template
    /// renders it), then status.json, which is always last.
    /// </summary>
    public IReadOnlyList<DashboardFile> Render(FleetSnapshot snapshot, Func<string, bool, bool> isDue)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(isDue);

        var files = new List<DashboardFile>(Pages.Count + 1);
        RenderPages(snapshot, isDue, files);

        if (_buffers is null)
        {
            files.Add(new DashboardFile(StatusFile, StatusJson.Serialize(snapshot)));
        }
        else
        {
            var stream = BufferFor(StatusFile);
            StatusJson.Serialize(snapshot, stream);
            files.Add(new DashboardFile(StatusFile, new ReadOnlyMemory<byte>(stream.GetBuffer(), 0, (int)stream.Length)));
        }
        return files;
    }

    private void RenderPages(FleetSnapshot snapshot, Func<string, bool, bool> isDue, List<DashboardFile> files)
    {
        // Look at every template first, so that this render's view already lists their problems.
        var templates = DashboardTemplates.Names.ToDictionary(n => n, n => (Template: _templates.Get(n, out bool o), IsOverride: o));
        var due = Pages.Where(p => isDue(p.File, templates[p.Template].IsOverride || templates[DashboardTemplates.Style].IsOverride)).ToList();
        if (due.Count == 0)
        {
            return;
        }

        var clock = new LocalClock(_time.LocalTimeZone, snapshot.Generated);
        var view = DashboardViewBuilder.Build(snapshot, clock, _refreshSeconds, _templates.Problems);

        // The CSS is literal template text (which no encoder touches); any value it outputs is encoded like a page's.
        view.Style = RenderTemplate(DashboardTemplates.Style, templates[DashboardTemplates.Style], view, Encoder);
        foreach (var (template, file) in due)
        {
            files.Add(new DashboardFile(file, RenderPage(template, templates[template], view)));
        }
    }

    /// <summary>
    /// Renders a page straight to UTF-8 bytes: a 1,000-device page is ~1.5 MB, and going through a string would put
    /// three copies of it on the large-object heap every tick.
    /// </summary>
    private ReadOnlyMemory<byte> RenderPage(string name, (IFluidTemplate Template, bool IsOverride) chosen, DashboardView view)
    {
        if (chosen.IsOverride)
        {
            try
            {
                return RenderUtf8(name, chosen.Template, view, _eventOptions);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _templates.ReportRenderFailure(name, e);
            }
        }

        return RenderUtf8(name, DashboardTemplates.Default(name), view, _options);
    }

    private ReadOnlyMemory<byte> RenderUtf8(string name, IFluidTemplate template, DashboardView view, TemplateOptions options)
    {
        var stream = _buffers is null ? new MemoryStream(_sizeHints.GetValueOrDefault(name, 64 * 1024)) : BufferFor(name);
        using (var writer = new StreamWriter(stream, Utf8, bufferSize: 16 * 1024, leaveOpen: true))
        {
            // Writing to memory completes synchronously; the ValueTask is only awaited should it not have.
            var rendering = template.RenderAsync(writer, new TemplateContext(view, options), Encoder);
            if (!rendering.IsCompletedSuccessfully)
            {
                rendering.AsTask().GetAwaiter().GetResult();
            }
        }

        int length = (int)stream.Length;
        _sizeHints[name] = length + (length / 8);
        return new ReadOnlyMemory<byte>(stream.GetBuffer(), 0, length);
    }

    private MemoryStream BufferFor(string name)
    {
        if (!_buffers!.TryGetValue(name, out var stream))
        {
            _buffers[name] = stream = new MemoryStream(64 * 1024);
        }

        stream.SetLength(0);
        return stream;
    }

    private string RenderTemplate(string name, (IFluidTemplate Template, bool IsOverride) chosen, DashboardView view, TextEncoder encoder)
    {
        if (chosen.IsOverride)
        {
            try
            {
                return chosen.Template.Render(new TemplateContext(view, _eventOptions), encoder);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _templates.ReportRenderFailure(name, e);
            }
        }

        return DashboardTemplates.Default(name).Render(new TemplateContext(view, _options), encoder);
    }
}
