using System.Reflection;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.Tests.Documentation;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Tests.Logging;

/// <summary>
/// The log lines are a contract (docs/log.md): event scripts grep their words. Each template is pinned here, word for
/// word, with its level; a template added, changed or removed fails this test until the table (and docs/log.md) is
/// updated on purpose.
/// </summary>
public sealed class LogTemplateTests
{
    /// <summary>Every template of the server and the library: assembly, event id, level (None: chosen per call), words.</summary>
    public static readonly TheoryData<string, int, LogLevel, string> Templates = new()
    {
        { "Host", 1000, LogLevel.Information, "Server started - Motion Server {Version}" },
        { "Host", 1001, LogLevel.Information, "Server stopped" },
        { "Host", 1002, LogLevel.Error, "Bad setting - {Problem}" },
        { "Host", 1003, LogLevel.Error, "Cannot start - {Problem}" },
        { "Host", 1004, LogLevel.Error, "Server failed - {Type}: {Reason}" },
        { "Host", 1010, LogLevel.Debug, "Start-up pages given back - {Mappings} read-only file mappings ({Megabytes} MiB mapped), {Refused} refused" },
        { "Host", 1011, LogLevel.Debug, "Start-up pages not given back - {Reason}" },
        { "Host", 1012, LogLevel.Debug, "Heap collected whole - gen 2 had grown {Kilobytes} KiB since the last full collection" },
        { "Host", 1013, LogLevel.Debug, "Heap not collected - {Reason}" },
        { "Host", 1100, LogLevel.Information, "Demo: {Count} emulated Motion devices on {First} to {Last}, port {Port}, arriving and leaving over the next minutes; Ctrl+C stops" },
        { "Host", 1101, LogLevel.Information, "Demo event folder: {Folder} - dashboards: {Dashboard}" },
        { "Host", 5201, LogLevel.Information, "Dashboards served at {Addresses} from {Directory}" },
        { "Host", 5202, LogLevel.Error, "Dashboards cannot be served at {Url}: {Reason}" },
        { "Pipeline", 1, LogLevel.Information, "Watching for {Count} devices; event folder {Folder}" },
        { "Pipeline", 3, LogLevel.Error, "history.json could not be saved - {Reason}" },
        { "Pipeline", 4, LogLevel.Information, "Stopping: no new work starts; downloads in progress may finish" },
        { "Pipeline", 5, LogLevel.Information, "Pipeline stopped" },
        { "Pipeline", 6, LogLevel.Warning, "Dry run - devices are listed with what would be downloaded and what skipped; nothing is downloaded and nothing is written but this log" },
        { "Pipeline", 7, LogLevel.Warning, "Setting renamed - {Problem}" },
        { "Pipeline", 10, LogLevel.Information, "Roster reloaded: {Count} devices" },
        { "Pipeline", 11, LogLevel.Error, "Roster change refused, the last good roster stays in force - {Problem}" },
        { "Pipeline", 20, LogLevel.Error, "{Loop} round failed - {Type}: {Reason}" },
        { "Pipeline", 30, LogLevel.Error, "{Hostname} {Stage} failed - {Reason}; and handling that failed too - {Type}: {Error}" },
        { "Pipeline", 31, LogLevel.Critical, "{Hostname} reached {Stage} as {Outcome}, which it does not take - a defect in the graph's wiring" },
        { "Pipeline", 40, LogLevel.Critical, "Pipeline failed - its {Block} block broke down ({Type}: {Reason}); the server stops" },
        { "Pipeline", 100, LogLevel.Debug, "{Hostname} detected at {Address}" },
        { "Pipeline", 101, LogLevel.Information, "{Hostname} is connected" },
        { "Pipeline", 102, LogLevel.Warning, "{Hostname} detection failed - {Reason}" },
        { "Pipeline", 103, LogLevel.Debug, "{Hostname} resolves to {Address}, the address this network gives unknown names (Network:IgnoredAddresses): not on the network" },
        { "Pipeline", 104, LogLevel.Error, "Detection pass failed - {Type}: {Reason}" },
        { "Pipeline", 105, LogLevel.Information, "Name lookups - {How}: {Why}" },
        { "Pipeline", 200, LogLevel.None, "{Hostname} battery level is {Battery}%" },
        { "Pipeline", 201, LogLevel.Warning, "{Hostname} {Warning}" },
        { "Pipeline", 202, LogLevel.Information, "{Hostname} {FileName} queued - {Summary}" },
        { "Pipeline", 203, LogLevel.Information, "{Hostname} {FileName} skipped - {Summary}" },
        { "Pipeline", 204, LogLevel.Information, "{Hostname} {FileName} already present - {Summary}" },
        { "Pipeline", 205, LogLevel.Information, "{Hostname} has {Count} track(s) to download" },
        { "Pipeline", 206, LogLevel.Information, "{Hostname} has no tracks to download" },
        { "Pipeline", 207, LogLevel.Information, "{Hostname} can be disconnected" },
        { "Pipeline", 208, LogLevel.Error, "{Hostname} inspection failed - {Reason}" },
        { "Pipeline", 209, LogLevel.Error, "{Hostname} {File} refused - {Reason}" },
        { "Pipeline", 210, LogLevel.Error, "{Hostname} track refused - {Reason}" },
        { "Pipeline", 211, LogLevel.Error, "{Hostname} ledger problem - {Problem}" },
        { "Pipeline", 212, LogLevel.Warning, "{Hostname} {Document} value refused - {Reason}" },
        { "Pipeline", 213, LogLevel.Warning, "{Hostname} logs.json entry {Index}{File} refused - {Reason}" },
        { "Pipeline", 215, LogLevel.Warning, "{Hostname} logs.json - {Count} more entries refused" },
        { "Pipeline", 216, LogLevel.Warning, "{Hostname} logs.json entry {Index}{File} figure dropped as unknown - {Reason}" },
        { "Pipeline", 217, LogLevel.Warning, "{Hostname} logs.json - {Count} more figures dropped as unknown" },
        { "Pipeline", 214, LogLevel.Information, "{Hostname} {FileName} renamed to {NewName} - the roster corrected its File ID" },
        { "Pipeline", 220, LogLevel.Information, "{Hostname} {FileName} would be downloaded - {Summary}" },
        { "Pipeline", 221, LogLevel.Information, "{Hostname} {FileName} would be skipped - {Reason} - {Summary}" },
        { "Pipeline", 222, LogLevel.Information, "{Hostname} dry run - {Downloads} track(s) would be downloaded, {Skips} skipped; nothing was written" },
        { "Pipeline", 223, LogLevel.Information, "{Hostname} {FileName} would be renamed to {NewName} - the roster corrected its File ID" },
        { "Pipeline", 300, LogLevel.Information, "{Hostname} {FileName} downloaded - {Summary}" },
        { "Pipeline", 301, LogLevel.Error, "{Hostname} {FileName} failed - {Reason}" },
        { "Pipeline", 310, LogLevel.Warning, "{Hostname} {FileName} damaged - {Defects} ({Outcome})" },
        { "Pipeline", 311, LogLevel.Debug, "{Hostname} {FileName} verification notes - {Notes}" },
        { "Pipeline", 312, LogLevel.Warning, "{Hostname} {FileName} suspect - {Reasons}" },
        { "Pipeline", 400, LogLevel.Information, "{Hostname} has been disconnected" },
        { "Pipeline", 401, LogLevel.Warning, "{Hostname} presence probe failed - {Reason}" },
        { "Pipeline", 402, LogLevel.Error, "Presence pass failed - {Type}: {Reason}" },
        { "Pipeline", 403, LogLevel.Warning, "Disconnection:Workers is {Workers}, fewer than the {Count} devices of the roster: when more finished devices than that leave at once, some are noticed later than Disconnection:Interval + ConnectTimeout" },
        { "Pipeline", 500, LogLevel.Error, "{Hostname} needs attention - {Summary}" },
        { "Pipeline", 501, LogLevel.Information, "{Hostname} left during {Step} - {Reason}" },
        { "Pipeline", 600, LogLevel.Information, "Removed {Count} temporary file(s) left by an earlier run" },
        { "Pipeline", 601, LogLevel.Warning, "{Hostname} {FileName} was recorded as completed but {Reason}; it will be fetched again" },
        { "Pipeline", 602, LogLevel.Error, "{Hostname} ledger problem - {Problem}" },
        { "Pipeline", 603, LogLevel.Warning, "{Hostname} ledger entry {Repair}" },
        { "Pipeline", 700, LogLevel.Error, "A StatusChanged subscriber failed on {Hostname} becoming {Status} - {Type}: {Reason}" },
        { "Pipeline", 800, LogLevel.Debug, "Results of {Date:yyyy-MM-dd} rebuilt - {Rows} roster row(s), {Outcome}" },
        { "Pipeline", 801, LogLevel.Warning, "Results of {Date:yyyy-MM-dd} not written - {Reason}" },
        { "Pipeline", 802, LogLevel.Warning, "Results not finished within {Seconds} s of the stop - the day in progress keeps its previous files; rebuilt at the next start" },
        { "Pipeline", 900, LogLevel.Warning, "{Text}" },
        { "Pipeline", 901, LogLevel.Error, "{Text}" },
        { "Pipeline", 902, LogLevel.Information, "Resolved - {Text}" },
        { "Pipeline", 5001, LogLevel.Debug, "Dashboards are written to {Directory} every {Interval}" },
        { "Pipeline", 5002, LogLevel.Error, "Dashboards could not be written: {Reason}" },
        { "Pipeline", 5003, LogLevel.Information, "Dashboards are written again" },
        { "Pipeline", 5004, LogLevel.Debug, "Dashboards written a last time: server stopped" },
        { "Pipeline", 5005, LogLevel.Warning, "Stopping the dashboards took too long; a render still running is not awaited" },
        { "Pipeline", 5101, LogLevel.Information, "Dashboard template {File} loaded" },
        { "Pipeline", 5102, LogLevel.Error, "Dashboard template {Problem} - the default template is used" },
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public void Each_template_keeps_its_level_and_words(string assembly, int eventId, LogLevel level, string message)
    {
        var declared = DeclaredTemplates().Where(t => t.Assembly == assembly && t.EventId == eventId).ToList();

        declared.Should().ContainSingle($"event {eventId} of {assembly} is declared exactly once");
        declared[0].Level.Should().Be(level);
        declared[0].Message.Should().Be(message);
    }

    [Fact]
    public void No_template_is_declared_without_being_pinned()
    {
        var pinned = Templates.Select(row => ((string)row[0], (int)row[1])).ToHashSet();

        DeclaredTemplates().Select(t => (t.Assembly, t.EventId)).Should().OnlyContain(t => pinned.Contains(t));
    }

    [Fact]
    public void Templates_are_declared_only_in_Log_partials()
    {
        var outside = new[] { "MotionServer.Pipeline", "MotionServer.Host" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, project), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => !file.EndsWith(".Log.cs", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file).Contains("[LoggerMessage(", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(RepositoryFiles.Root, file));

        outside.Should().BeEmpty("every contract log template lives in a *.Log.cs partial beside its class");
    }

    private static IEnumerable<(string Assembly, int EventId, LogLevel Level, string Message)> DeclaredTemplates() =>
        new[] { typeof(MotionPipeline).Assembly, Assembly.Load("MotionServer.Host") }
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => (method, attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.attribute is not null)
            .Select(m => (m.method.DeclaringType!.Assembly.GetName().Name!.Replace("MotionServer.", "", StringComparison.Ordinal),
                m.attribute!.EventId, m.attribute.Level, m.attribute.Message));
}
