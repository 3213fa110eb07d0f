using System.Globalization;
using System.Text;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Inspection;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Dashboard;
using MotionServer.Pipeline.Tests.Support;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace MotionServer.Pipeline.Tests.Inspection;

/// <summary>
/// Issue 9, property-based (CsCheck): logs.json and info.json documents whose entries sit beside hostile ones — values out
/// of range, of the wrong type, broken text, entries that are not objects. Whatever sits beside them, a device's valid
/// entries are all planned, and the server state (ledger, fleet, dashboards, status.json) stays readable.
/// </summary>
public sealed class HostileDocumentPropertyTests : IDisposable
{
    private static readonly DateTimeOffset EventStart = new(2025, 10, 10, 0, 0, 0, TimeSpan.Zero);
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>JSON tokens no field should ever believe (raw JSON text).</summary>
    private static readonly string[] HostileTokens =
    [
        "null", "true", "false", "\"\"", "\"abc\"", "\"12x\"", "-1", "0", "1.5", "-0.5", "1e300", "-1e300", "1e-300",
        "9223372036854775807", "-9223372036854775808", "18446744073709551616", "99999999999999999999999999999",
        "\"9223372036854775808\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "[]", "{}", "[1,2]", "{\"a\":1}", "2147483648", "-2147483649",
    ];

    private static readonly Gen<string> Hostile = Gen.OneOf(HostileTokens);

    /// <summary>A believable entry: (raw JSON, its path).</summary>
    private static Gen<(string Json, string File)> Valid(int index) =>
        Gen.Select(
            Gen.Long[1, 50_000_000],
            Gen.Long[0, 10L * 24 * 3600 * 1000],
            Gen.Int[-720, 840],
            Gen.Bool,
            Gen.Long[0, 36_000_000],
            Gen.Long[0, 100_000_000],
            Gen.Long[0, 20_000],
            Gen.Bool,
            (size, offset, timezone, withTimezone, duration, distance, best, asStrings) =>
            {
                string file = $"/logs/valid/{index}.oao";
                long start = EventStart.ToUnixTimeMilliseconds() + offset;
                string N(long v) => asStrings ? $"\"{v.ToString(CultureInfo.InvariantCulture)}\"" : v.ToString(CultureInfo.InvariantCulture);
                string zone = withTimezone ? $"\"timezone\": {N(timezone)}, " : "";
                return ($"{{ \"file\": \"{file}\", \"size\": {N(size)}, {zone}\"start_date\": {N(start)}, \"end_date\": {N(start + duration)}, " +
                        $"\"duration\": {N(duration)}, \"distance\": {N(distance)}, \"2s_best\": {N(best)}, \"10s_best\": {N(best)}, \"500m_best\": {N(best)} }}", file);
            });

    /// <summary>An entry with hostile values: each field absent, believable or hostile; or not an object at all.</summary>
    private static Gen<string> HostileEntry(int index) =>
        Gen.Frequency(
            (1, Hostile),
            (6, Gen.Select(
                Gen.OneOf(Gen.Const($"\"/logs/hostile/{index}.oao\""), Gen.Const($"\"/logs/\\ud800{index}.oao\""), Hostile),
                Gen.OneOf(Gen.Const("1000"), Hostile),
                Gen.OneOf(Gen.Const(EventStart.AddDays(1).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)), Hostile),
                Gen.OneOf(Gen.Const(""), Hostile),
                Gen.OneOf(Gen.Const("5000"), Hostile),
                Gen.OneOf(Gen.Const("7000"), Hostile),
                (file, size, start, timezone, duration, best) =>
                    $"{{ \"file\": {file}, \"size\": {size}, \"start_date\": {start}, " +
                    (timezone.Length == 0 ? "" : $"\"timezone\": {timezone}, ") +
                    $"\"duration\": {duration}, \"distance\": {duration}, \"500m_best\": {best} }}")));

    /// <summary>A logs.json: valid and hostile entries interleaved, with the valid entries' paths.</summary>
    private static readonly Gen<(string Document, string[] ValidFiles)> LogsDocument =
        Gen.Int[0, 6].SelectMany(validCount => Gen.Int[0, 8].SelectMany(hostileCount =>
            Gen.Select(
                Gen.Int[0, 1000].Array[validCount + hostileCount],
                Enumerable.Range(0, validCount).Select(Valid).Aggregate(Gen.Const(Array.Empty<(string, string)>()), (acc, g) => acc.SelectMany(a => g.Select(v => (a.Append(v).ToArray())))),
                Enumerable.Range(0, hostileCount).Select(HostileEntry).Aggregate(Gen.Const(Array.Empty<string>()), (acc, g) => acc.SelectMany(a => g.Select(v => a.Append(v).ToArray()))),
                (order, valid, hostile) =>
                {
                    var entries = valid.Select(v => v.Item1).Concat(hostile).Zip(order).OrderBy(p => p.Second).Select(p => p.First);
                    return ($"{{ \"logs\": [ {string.Join(", ", entries)} ] }}", valid.Select(v => v.Item2).ToArray());
                })));

    [Fact]
    public void LogsJson_WhateverSitsBesideThem_ValidEntriesArePlanned_AndTheStateStaysReadable()
    {
        var roster = MotionRoster.Create([new RosterEntry { MotionId = 817, StartDate = new DateOnly(2025, 10, 1), EndDate = new DateOnly(2025, 10, 30), FileId = "ABC817XYZ" }]);
        int run = 0;

        LogsDocument.Sample(sample =>
        {
            var (document, validFiles) = sample;
            var folder = new EventFolder(Path.Combine(_temp.Path, Interlocked.Increment(ref run).ToString(CultureInfo.InvariantCulture))); // samples run in parallel
            var reading = DeviceLogs.Read(Encoding.UTF8.GetBytes(document), maxEntries: 100);
            validFiles.Except(reading.Logs.Select(l => l.File)).Should().BeEmpty("every valid entry is read");

            var ledger = new DeviceLedger();
            var plan = new TrackPlanner(new MotionServerOptions(), folder).Plan(817, reading.Logs, new DeviceSettings(), roster, ledger);
            validFiles.Except(ledger.Entries.Values.Select(e => e.MotionFile)).Should().BeEmpty("every valid entry is the event's and gets a ledger entry");
            ledger.Entries.Keys.Should().OnlyHaveUniqueItems();
            plan.Downloads.Tracks.Select(t => t.FileName).Should().OnlyHaveUniqueItems("no two tracks share a file");

            var store = new LedgerStore(folder);
            store.Save("motion-817", ledger);
            store.Load("motion-817", out string? problem).Entries.Should().HaveCount(ledger.Count);
            problem.Should().BeNull();

            var fleet = new FleetState(new FakeTimeProvider(DashboardSamples.Now), id => $"motion-{id}", folder.Root);
            fleet.ApplyRoster(roster);
            foreach (var (name, entry) in ledger.Entries.ToArray())
            {
                ledger.Set(name, entry with { Status = LedgerStatus.Completed }); // the dashboards sum completed tracks
            }

            LedgerSummary.Publish(fleet, 817, ledger);
            DashboardSamples.Renderer(DashboardSamples.Time()).Render(fleet.GetSnapshot()).Should().Contain(f => f.Name == "status.json");
        }, iter: 300);
    }

    private static readonly Gen<string> InfoDocument =
        Gen.Select(
            Gen.OneOf(Gen.Const("\"WSW\""), Hostile),
            Gen.OneOf(Gen.Const("{ \"code\": 9008, \"name\": \"9008 Event build (3232)\" }"), Gen.Const("3129"), Hostile),
            Gen.OneOf(Gen.Const("76"), Hostile),
            Gen.OneOf(Gen.Const("4"), Hostile),
            Gen.OneOf(Gen.Const("{ \"name\": \"Mini\" }"), Gen.Const("\"mini\""), Hostile),
            (username, firmware, battery, storage, hardware) =>
                $"{{ \"motion\": {{ \"identifier\": 817, \"username\": {username}, \"firmware\": {firmware}, \"hardware\": {hardware}, " +
                $"\"battery\": {{ \"level\": {battery} }}, \"filesystem\": {{ \"level\": {storage} }} }} }}");

    [Fact]
    public void InfoJson_WhateverTheValues_IsReadWithItsIdentifier_AndNeverThrows()
    {
        InfoDocument.Sample(document =>
        {
            var info = DeviceInfo.Parse(Encoding.UTF8.GetBytes(document));

            info.Identifier.Should().Be(817);
            (info.BatteryLevel ?? 0).Should().BeInRange(0, 100);
            (info.StorageLevel ?? 0).Should().BeInRange(0, 100);
            var checks = () => MetadataChecks.Check(info, new DeviceSettings(), new MotionServerOptions());
            checks.Should().NotThrow();
        }, iter: 300);
    }
}
