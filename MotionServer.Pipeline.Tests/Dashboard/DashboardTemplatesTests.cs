using Fluid;
using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.Dashboard;
using static MotionServer.Pipeline.Tests.Dashboard.DashboardSamples;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Dashboard;

public sealed class DashboardTemplatesTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly RecordingLogger<DashboardTemplatesTests> _logger = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("style.liquid")]
    [InlineData("index.liquid")]
    [InlineData("events.liquid")]
    [InlineData("tracks.liquid")]
    public void Default_EveryTemplate_IsEmbeddedAndParses(string name)
    {
        DashboardTemplates.Default(name).Should().NotBeNull();
        DashboardTemplates.ReadEmbedded(name).Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Render_StrictVariables_MissingMemberThrows()
    {
        new FluidParser().TryParse("{% for d in devices %}{{ d.no_such_member }}{% endfor %}", out var template, out _).Should().BeTrue();
        var view = DashboardViewBuilder.Build(Fleet(), new LocalClock(Zone, Now), 5, []);

        var strict = () => template.Render(new TemplateContext(view, DashboardTemplateOptions.Create(strictVariables: true)));
        var lenient = template.Render(new TemplateContext(view, DashboardTemplateOptions.Create(strictVariables: false)));

        strict.Should().Throw<FluidException>().WithMessage("*no_such_member*");
        lenient.Should().BeEmpty();
    }

    [Fact]
    public void Render_StrictVariables_NestedTypesAreRegistered()
    {
        new FluidParser().TryParse("{{ devices[0].hostname }}|{{ counts[0].name }}|{{ track_days[0].tracks[0].best500m }}|{{ events[0].level }}", out var template, out _)
            .Should().BeTrue();
        var view = DashboardViewBuilder.Build(Fleet(), new LocalClock(Zone, Now), 5, []);

        template.Render(new TemplateContext(view, DashboardTemplateOptions.Create(strictVariables: true)))
            .Should().Be("motion-817|waiting|14.8|INFO");
    }

    [Fact]
    public void Render_NoOverrideFolder_UsesEmbeddedDefaults()
    {
        var files = Renderer(Time(), _folder.Combine("missing")).Render(Fleet());

        files.Page("index.html").QuerySelector("#devices").Should().NotBeNull();
    }

    [Fact]
    public void Render_OverrideOfOnePage_UsedForThatPageOnly()
    {
        Write("index.liquid", "<!DOCTYPE html><html><body><p id=\"custom\">{{ title }}: {{ devices.size }} devices</p></body></html>");

        var files = Renderer(Time(), _folder.Path, _logger).Render(Fleet());

        files.Page("index.html").QuerySelector("#custom")!.TextContent.Should().Be("2025-10-dutch-open: 7 devices");
        files.Page("events.html").QuerySelector("#events").Should().NotBeNull();
        _logger.At(LogLevel.Information).Should().ContainSingle().Which.Should().Be("Dashboard template config/templates/index.liquid loaded");
    }

    [Fact]
    public void Render_StyleOverride_SharedByEveryPage()
    {
        Write("style.liquid", "body { background: hotpink; }");

        var files = Renderer(Time(), _folder.Path).Render(Fleet());

        foreach (var page in new[] { "index.html", "events.html", "tracks.html" })
        {
            files.Page(page).QuerySelector("style")!.TextContent.Should().Be("body { background: hotpink; }");
        }
    }

    [Fact]
    public void Render_OverrideThatDoesNotParse_FallsBackAndReportsFileAndLine()
    {
        Write("index.liquid", "<html>\n<body>\n{% if running %}\n<p>{{ title }}</p>\n</body>");
        var renderer = Renderer(Time(), _folder.Path, _logger);

        var first = renderer.Render(Fleet());
        var second = renderer.Render(Fleet());

        var page = second.Page("index.html");
        page.QuerySelector("#devices").Should().NotBeNull("the embedded default is used");
        var problem = page.QuerySelectorAll("#template-problems li").Should().ContainSingle().Subject.TextContent;
        problem.Should().StartWith("config/templates/index.liquid line 5, column ").And.Contain("endif");
        first.Page("index.html").QuerySelector("#template-problems").Should().NotBeNull("the problem shows in the same render");
        _logger.At(LogLevel.Error).Should().ContainSingle("the file is parsed once, not on every render")
            .Which.Should().StartWith("Dashboard template config/templates/index.liquid line 5").And.EndWith("the default template is used");
    }

    [Fact]
    public void Render_OverrideFixedLater_ReparsedAndUsed()
    {
        string path = Write("index.liquid", "{% if %}");
        var renderer = Renderer(Time(), _folder.Path, _logger);
        renderer.Render(Fleet()).Page("index.html").QuerySelector("#template-problems").Should().NotBeNull();

        File.WriteAllText(path, "<p id=\"fixed\">{{ total }}</p>");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var page = renderer.Render(Fleet()).Page("index.html");

        page.QuerySelector("#fixed")!.TextContent.Should().Be("7");
        renderer.Render(Fleet()).Page("events.html").QuerySelector("#template-problems").Should().BeNull();
    }

    [Fact]
    public void Get_UnchangedOverride_ParsedOnce()
    {
        Write("index.liquid", "<p>{{ total }}</p>");
        var templates = new DashboardTemplates(_folder.Path, "config/templates", _logger);

        var first = templates.Get("index.liquid", out bool firstIsOverride);
        var second = templates.Get("index.liquid", out _);

        firstIsOverride.Should().BeTrue();
        second.Should().BeSameAs(first);
    }

    [Fact]
    public void Get_OverrideDeleted_DefaultAgain()
    {
        string path = Write("index.liquid", "<p>{{ total }}</p>");
        var templates = new DashboardTemplates(_folder.Path, "config/templates", _logger);
        templates.Get("index.liquid", out _);

        File.Delete(path);
        var template = templates.Get("index.liquid", out bool isOverride);

        isOverride.Should().BeFalse();
        template.Should().BeSameAs(DashboardTemplates.Default("index.liquid"));
    }

    [Fact]
    public void Render_OverrideFailingAtRender_FallsBackAndReports()
    {
        Write("index.liquid", "<p>{{ devices[0].no_such_member }}</p>");
        var renderer = Renderer(Time(), _folder.Path, _logger);

        renderer.Render(Fleet());
        var page = renderer.Render(Fleet()).Page("index.html");

        page.QuerySelector("#devices").Should().NotBeNull();
        page.QuerySelector("#template-problems li")!.TextContent.Should().StartWith("config/templates/index.liquid: ").And.Contain("no_such_member");
        _logger.At(LogLevel.Error).Should().ContainSingle();
    }

    [Fact]
    public void Render_OverrideThatLoopsForEver_StopsAtTheBound_AndTheDefaultPageIsServed()
    {
        Write("index.liquid", "{% for a in (1..100000) %}{% for b in (1..100000) %}{{ b }}{% endfor %}{% endfor %}"); // 10 billion steps
        var renderer = Renderer(Time(), _folder.Path, _logger);

        var page = renderer.Render(Fleet()).Page("index.html");

        page.QuerySelector("#devices").Should().NotBeNull("the embedded default stands in for a template that does not finish");
        page.QuerySelector("#template-problems li").Should().BeNull("problems found while rendering are listed from the next render on");
        _logger.At(LogLevel.Error).Should().ContainSingle().Which.Should().Contain("index.liquid");
    }

    [Fact]
    public void Render_ACopyOfTheDefaultAsEventTemplate_AtARosterOf4000_StaysWithinTheBound()
    {
        foreach (string name in DashboardTemplates.Names)
        {
            Write(name, DashboardTemplates.ReadEmbedded(name));
        }

        var renderer = Renderer(Time(), _folder.Path, _logger);

        var page = renderer.Render(Large(4000)).Page("index.html");

        page.QuerySelectorAll("article.device, #absent tbody tr").Length.Should().Be(4000);
        _logger.At(LogLevel.Error).Should().BeEmpty("no page fell back: the bound leaves room for real event templates");
    }

    [Fact]
    public void Render_OverrideOutputsHostileText_StillEncoded()
    {
        Write("index.liquid", "<p id=\"u\">{{ devices[0].username }}</p>");

        var page = Renderer(Time(), _folder.Path).Render(Hostile()).Page("index.html");

        page.QuerySelectorAll("script").Should().BeEmpty();
        page.QuerySelector("#u")!.TextContent.Should().Be(HostileUsername);
    }

    private string Write(string name, string text)
    {
        string path = _folder.Combine(name);
        File.WriteAllText(path, text);
        return path;
    }
}
