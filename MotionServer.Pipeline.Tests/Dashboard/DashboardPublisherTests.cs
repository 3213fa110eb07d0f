using System.Text.Json;
using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using static MotionServer.Pipeline.Tests.Dashboard.DashboardSamples;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Dashboard;

public sealed class DashboardPublisherTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly TemporaryFolder _folder = new();
    private readonly RecordingLogger<DashboardPublisher> _logger = new();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = Time();
    private readonly TimerCountingTimeProvider _clock;
    private readonly EventCounter _rendered = new();
    private readonly EventCounter _ticked = new();
    private readonly EventFolder _eventFolder;
    private Func<FleetSnapshot> _snapshot;
    private DashboardPublisher? _publisher;

    public DashboardPublisherTests()
    {
        _eventFolder = new EventFolder(_folder.Path);
        _clock = new TimerCountingTimeProvider(_time);
        _snapshot = () => Fleet() with { Generated = _time.GetUtcNow() };
    }

    private string Dashboards => _eventFolder.DashboardsDirectory;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_publisher is not null)
        {
            await _publisher.DisposeAsync();
        }

        _folder.Dispose();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    [Fact]
    public async Task Start_Started_RendersAtOnce()
    {
        var publisher = Create();

        publisher.Start();
        await _rendered.WaitForAsync(1);

        Directory.GetFiles(Dashboards).Select(Path.GetFileName).Should().BeEquivalentTo(["index.html", "events.html", "tracks.html", "results.html", "status.json"]);
        Index().QuerySelector("#generated")!.TextContent.Should().Be("2025-10-12 17:48:21");
    }

    [Fact]
    public async Task Start_TimeAdvances_StatusJsonRewrittenEveryInterval()
    {
        var publisher = Create();
        publisher.Start();
        await _ticked.WaitForAsync(1);

        var seen = new List<string> { Status().GetProperty("generated").GetString()! };
        for (int tick = 2; tick <= 4; tick++)
        {
            await AdvanceToNextTickAsync();
            seen.Add(Status().GetProperty("generated").GetString()!);
        }

        _rendered.Count.Should().Be(4);
        seen.Should().OnlyHaveUniqueItems().And.BeInAscendingOrder(StringComparer.Ordinal);
        seen[^1].Should().Be(StatusJson.Utc(_time.GetUtcNow()));
    }

    [Fact]
    public async Task Tick_FleetUnchanged_PagesKeptUntilAMinuteOld()
    {
        var publisher = Create();
        publisher.Start();
        await _ticked.WaitForAsync(1);
        string first = Generated();
        var firstWrite = File.GetLastWriteTimeUtc(Path.Combine(Dashboards, "index.html"));

        // 5 s ticks: the pages are a minute old at the 12th tick after the first.
        for (int tick = 1; tick < 12; tick++)
        {
            await AdvanceToNextTickAsync();
            Generated().Should().Be(first, $"nothing changed at tick {tick + 1}: the page is not rewritten");
        }

        Status().GetProperty("generated").GetString().Should().Be(StatusJson.Utc(_time.GetUtcNow()), "status.json is rewritten on every tick");
        File.GetLastWriteTimeUtc(Path.Combine(Dashboards, "index.html")).Should().Be(firstWrite);
        await AdvanceToNextTickAsync();

        var local = TimeZoneInfo.ConvertTime(_time.GetUtcNow(), Zone);
        Generated().Should().Be(local.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            "unchanged pages are rewritten once they are a minute old: their time shows the server is alive");
        Parse(File.ReadAllText(Path.Combine(Dashboards, "tracks.html"))).QuerySelector("#generated")!.TextContent.Should().Be(Generated());
    }

    [Fact]
    public async Task Tick_OnlyLastSeenAdvances_PagesKept()
    {
        _snapshot = () => new FleetSnapshot
        {
            Generated = _time.GetUtcNow(),
            Running = true,
            Motions = [Seen(817, MotionStatus.Completed, TimeSpan.Zero) with { LastSeen = _time.GetUtcNow() }],
        };
        var publisher = Create();
        publisher.Start();
        await _ticked.WaitForAsync(1);
        string first = Generated();

        await AdvanceToNextTickAsync();
        await AdvanceToNextTickAsync();

        Generated().Should().Be(first, "a present device is seen again by every probe: that alone is not a change");
        Status().GetProperty("motions")[0].GetProperty("lastSeen").GetString().Should().Be(StatusJson.Utc(_time.GetUtcNow()));
    }

    [Fact]
    public async Task Tick_OnlyATransferProgresses_OnlyTheIndexAndStatusJsonRewritten()
    {
        long received = 100_000;
        _snapshot = () =>
        {
            var fleet = Fleet();
            return fleet with
            {
                Generated = _time.GetUtcNow(),
                Motions = [.. fleet.Motions.Select(m => m.Transfer is null ? m : m with { Transfer = m.Transfer with { BytesReceived = received } })],
            };
        };
        var publisher = Create();
        publisher.Start();
        await _ticked.WaitForAsync(1);
        string first = Generated();

        received = 500_000;
        await AdvanceToNextTickAsync();

        Generated().Should().NotBe(first, "the index shows the transfer's progress");
        foreach (string page in new[] { "events.html", "tracks.html", "results.html" })
        {
            Parse(File.ReadAllText(Path.Combine(Dashboards, page))).QuerySelector("#generated")!.TextContent
                .Should().Be(first, $"{page} shows nothing of a transfer: not rewritten (no fsync of unchanged bytes)");
        }
    }

    [Fact]
    public async Task Tick_EventTemplateChanged_PagesRewritten()
    {
        string templates = Path.Combine(_folder.Path, "config", "templates");
        Directory.CreateDirectory(templates);
        var publisher = Create();
        publisher.Start();
        await _ticked.WaitForAsync(1);

        await File.WriteAllTextAsync(Path.Combine(templates, "events.liquid"), "<p id=\"mine\">{{ events.size }}</p>");
        await AdvanceToNextTickAsync();

        Parse(await File.ReadAllTextAsync(Path.Combine(Dashboards, "events.html"))).QuerySelector("#mine")!.TextContent.Should().Be("4");
    }

    [Fact]
    public async Task Start_StatusChangesBetweenTicks_PageFollows()
    {
        var status = MotionStatus.Connected;
        _snapshot = () => new FleetSnapshot { Generated = _time.GetUtcNow(), Running = true, Motions = [Seen(817, status, TimeSpan.Zero)] };
        var publisher = Create();
        publisher.Start();
        await _ticked.WaitForAsync(1);
        Index().QuerySelector("#device-817")!.GetAttribute("data-status").Should().Be("connected");

        status = MotionStatus.Completed;
        await AdvanceToNextTickAsync();

        Index().QuerySelector("#device-817")!.GetAttribute("data-status").Should().Be("completed");
        Status().GetProperty("motions")[0].GetProperty("status").GetString().Should().Be("completed");
    }

    [Fact]
    public async Task StopAsync_FleetMarkedStopped_FinalRenderSaysStopped()
    {
        bool running = true;
        _snapshot = () => Fleet(running) with { Generated = _time.GetUtcNow() };
        var publisher = Create();
        publisher.Start();
        await _ticked.WaitForAsync(1);
        Index().QuerySelector("#server-stopped").Should().BeNull();

        running = false; // what the pipeline does before it stops the dashboards
        await publisher.StopAsync(CancellationToken.None).WaitAsync(EventCounter.Timeout);

        Index().QuerySelector("#server-stopped")!.TextContent.Should().Contain("Server stopped");
        Status().GetProperty("server").GetString().Should().Be("stopped");
        int renders = _rendered.Count;
        _time.Advance(Interval * 3);
        _rendered.Count.Should().Be(renders, "the timer is stopped");
    }

    [Fact]
    public async Task StopAsync_NeverStarted_StillRendersFinalPage()
    {
        _snapshot = () => Fleet(running: false);
        var publisher = Create();

        await publisher.StopAsync(CancellationToken.None).WaitAsync(EventCounter.Timeout);

        Status().GetProperty("server").GetString().Should().Be("stopped");
    }

    [Fact]
    public async Task Tick_RenderOverrunsInterval_TicksDoNotPileUp()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inside = new EventCounter();
        int calls = 0;
        _snapshot = () =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                inside.Raise();
                gate.Task.Wait(EventCounter.Timeout);
            }

            return Fleet() with { Generated = _time.GetUtcNow() };
        };
        var publisher = Create();
        publisher.Start();
        await inside.WaitForAsync(1);

        _time.Advance(Interval);
        _time.Advance(Interval);
        _time.Advance(Interval);
        gate.SetResult();
        await publisher.StopAsync(CancellationToken.None).WaitAsync(EventCounter.Timeout);

        calls.Should().Be(2, "the first tick and the final render: the next wait starts when a render ends, so the three intervals that passed during it brought no render");
    }

    [Fact]
    public async Task Tick_RenderFails_LoggedOncePerMessageAndRetried()
    {
        int calls = 0;
        _snapshot = () => Interlocked.Increment(ref calls) switch
        {
            <= 3 => throw new IOException("disk full"),
            4 => throw new InvalidOperationException("something else"),
            _ => Fleet() with { Generated = _time.GetUtcNow() },
        };
        var publisher = Create();
        publisher.Start();
        await _ticked.WaitForAsync(1);

        for (int tick = 2; tick <= 5; tick++)
        {
            await AdvanceToNextTickAsync();
        }

        _logger.At(LogLevel.Error).Should().Equal(
            "Dashboards could not be written: disk full",
            "Dashboards could not be written: something else");
        _logger.At(LogLevel.Information).Should().Contain("Dashboards are written again");
        _rendered.Count.Should().Be(1);
        File.Exists(Path.Combine(Dashboards, "index.html")).Should().BeTrue();
    }

    [Fact]
    public async Task RenderNow_Snapshot_WritesEveryFileAndNoTemporaryFile()
    {
        var publisher = Create();

        publisher.RenderNow(Fleet());
        publisher.RenderNow(Hostile());

        Directory.GetFiles(Dashboards, "*", SearchOption.AllDirectories).Select(Path.GetFileName)
            .Should().BeEquivalentTo(["index.html", "events.html", "tracks.html", "results.html", "status.json"]);
        Index().QuerySelector("#device-666").Should().NotBeNull();
        await Task.CompletedTask;
    }

    [Fact]
    public async Task RenderNow_InALoop_ReaderNeverSeesAPartialFile()
    {
        var publisher = Create();
        var small = Fleet();
        var large = Large(400);
        publisher.RenderNow(small);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3)); // a guard against a hang, not a time limit: a loaded machine once needed more than 20 s
        int renders = 0;
        int reads = 0;

        var writer = Task.Run(() =>
        {
            // At least 150 renders, and on until the reader has read a few times: how fast either side runs depends
            // on the machine's load, and the check means something only while both overlap.
            for (int i = 0; (i < 150 || Volatile.Read(ref reads) < 3) && !stop.IsCancellationRequested; i++)
            {
                publisher.RenderNow(i % 2 == 0 ? large : small);
                renders++;
            }
        });
        while (!writer.IsCompleted)
        {
            string html = await File.ReadAllTextAsync(Path.Combine(Dashboards, "index.html"));
            html.Should().StartWith("<!DOCTYPE html>").And.EndWith("</html>\n");
            Parse(html).QuerySelectorAll("article.device, #absent tbody tr").Length.Should().BeOneOf(small.Motions.Count, large.Motions.Count);
            byte[] json = await File.ReadAllBytesAsync(Path.Combine(Dashboards, "status.json"));
            using (var document = JsonDocument.Parse(json))
            {
                document.RootElement.GetProperty("motions").GetArrayLength().Should().BeOneOf(small.Motions.Count, large.Motions.Count);
            }

            Interlocked.Increment(ref reads);
        }

        await writer;
        renders.Should().BeGreaterThanOrEqualTo(150);
        reads.Should().BeGreaterThan(1);
        Directory.GetFiles(Dashboards).Should().HaveCount(5, "no temporary file is left behind");
    }

    [Fact]
    public async Task Start_EventTemplateFolder_UsedRelativeToEventFolder()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "config", "templates"));
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "config", "templates", "events.liquid"), "<p id=\"mine\">{{ events.size }}</p>");
        var publisher = Create();

        publisher.RenderNow(Fleet());

        Parse(await File.ReadAllTextAsync(Path.Combine(Dashboards, "events.html"))).QuerySelector("#mine")!.TextContent.Should().Be("4");
    }

    /// <summary>Once the loop has armed its wait after the last tick, advances the fake clock one interval and awaits the next tick.</summary>
    private async Task AdvanceToNextTickAsync()
    {
        int next = _ticked.Count + 1;
        await _clock.Timers.WaitForAsync(next - 1);
        _time.Advance(Interval);
        await _ticked.WaitForAsync(next);
    }

    private string Generated() => Index().QuerySelector("#generated")!.TextContent;

    private DashboardPublisher Create()
    {
        _publisher = new DashboardPublisher(
            new DashboardOptions { Interval = Interval },
            _eventFolder,
            () => _snapshot(),
            _clock,
            _logger,
            strictVariables: true);
        _publisher.Rendered += _rendered.Handler;
        _publisher.Ticked += _ticked.Handler;
        return _publisher;
    }

    private AngleSharp.Html.Dom.IHtmlDocument Index() => Parse(File.ReadAllText(Path.Combine(Dashboards, "index.html")));

    private JsonElement Status() => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Dashboards, "status.json"))).RootElement.Clone();
}
