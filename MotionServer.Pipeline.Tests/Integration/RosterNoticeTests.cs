using System.Text;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Integration;

/// <summary>
/// A roster saved by a spreadsheet (semicolons, BOM, CRLF) runs the event; a bad change to it shows one banner on the
/// pages and one notice in status.json, while the last good roster stays in force, and both go when it is fixed.
/// </summary>
public sealed class RosterNoticeTests : IDisposable
{
    private static readonly UTF8Encoding WithBom = new(encoderShouldEmitUTF8Identifier: true);
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Roster(IEnumerable<int> ids, string endDate) =>
        "Entrant ID;Motion ID;Start Date;End Date;File ID;First Name;Family Name\r\n" +
        string.Concat(ids.Select(id =>
            $"{id};{id};{DateTime.UtcNow.AddDays(-15):yyyy-MM-dd};{endDate};F{id};Test;\"Sailor; {id}\"\r\n"));

    [Fact]
    public async Task SpreadsheetRoster_BadChangeShowsTheNotice_FixClearsIt()
    {
        await using var fleet = await FleetBuilder.StartAsync([891, 892]);
        string eventDirectory = _folder.Combine("event");
        string path = Path.Combine(eventDirectory, "config", "motions.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string goodEnd = DateTime.UtcNow.AddDays(15).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(path, Roster([891, 892], goodEnd), WithBom);
        var source = new FileRosterSource(path, "config/motions.csv");
        await using var server = await PipelineHarness.StartAsync(eventDirectory, fleet, source);

        await server.WaitForCompletedAsync(891, tracks: 1);
        await server.WaitForCompletedAsync(892, tracks: 1);
        server.Fleet.GetMotion(891)!.Competitor.Should().Be("Test Sailor; 891", "the semicolon inside quotes is text");

        File.WriteAllText(path, Roster([891, 892], "tomorrow"), WithBom);
        var status = await server.ForStatusAsync(s => s.NoticeCodes().Contains(NoticeCodes.RosterRefused),
            page => page.Contains("id=\"roster-problems\"", StringComparison.Ordinal));

        var notice = status.GetProperty("notices").EnumerateArray().Single();
        notice.GetProperty("severity").GetString().Should().Be("error");
        notice.GetProperty("text").GetString().Should().StartWith("The roster change was refused, the last good roster stays in force - 2 problems: config/motions.csv line 2: End Date \"tomorrow\"");
        server.Fleet.GetSnapshot().Motions.Select(m => m.Id).Should().BeEquivalentTo([891, 892], "the last good roster stays in force");

        File.WriteAllText(path, Roster([891, 892], goodEnd), WithBom);
        await server.ForStatusAsync(s => s.NoticeCodes().Count == 0, page => !page.Contains("roster-problems", StringComparison.Ordinal));
        server.Log.Messages().Count(m => m.StartsWith("Roster change refused", StringComparison.Ordinal)).Should().Be(2, "one line per problem, not one more for the notice");
    }
}
