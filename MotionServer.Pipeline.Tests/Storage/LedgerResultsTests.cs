using System.Text.Json;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;
using MotionServer.Pipeline.Tracks.Results;
using static MotionServer.Pipeline.Tests.Results.ResultSamples;

namespace MotionServer.Pipeline.Tests.Storage;

/// <summary>The ledger's added <c>results</c> field: the contract's keys, two decimals, a round trip, and older ledgers without it.</summary>
public sealed class LedgerResultsTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();
    private readonly EventFolder _folder;
    private readonly LedgerStore _store;

    public LedgerResultsTests()
    {
        _folder = new EventFolder(_temp.Path);
        _store = new LedgerStore(_folder);
    }

    public void Dispose() => _temp.Dispose();

    private static TrackResults Suspect() => new(
        new CategoryFigures(61.2, 24.123, 21.8, 21.0, 19.5, 16.2, null, 18.3, 25.296, TimeSpan.FromMinutes(204)),
        new CategoryFigures(22.6, 21.9, 21.1, 20.8, 19.4, 16.2, null, 18.3, 25.2, TimeSpan.FromSeconds(12_240.7)),
        [new SuspectReason("2s", new DateTimeOffset(2025, 10, 12, 8, 31, 13, TimeSpan.Zero), GlitchReason)]);

    [Fact]
    public void Save_CompletedTrackWithResults_WritesTheContractKeysWithTwoDecimals()
    {
        var (name, entry) = Completed("ABC", 817, At(11, 2), Suspect());
        SaveLedger(_folder, 817, (name, entry));

        string json = File.ReadAllText(_folder.LedgerFile("motion-817"));
        using var document = JsonDocument.Parse(json);
        var results = document.RootElement.GetProperty(name).GetProperty("results");
        results.EnumerateObject().Select(p => p.Name).Should().Equal("suspect", "reasons", "figures", "device", "time_on_water");
        results.GetProperty("suspect").GetBoolean().Should().BeTrue();
        results.GetProperty("reasons")[0].GetString().Should().Be(GlitchReason);
        results.GetProperty("figures").EnumerateObject().Select(p => p.Name)
            .Should().Equal("2s", "10s", "5x10s", "500m", "1852m", "30min", "1h", "alpha500", "distance");
        results.GetProperty("device").EnumerateObject().Should().HaveCount(9);
        results.GetProperty("time_on_water").GetInt64().Should().Be(12_240);
        json.Should().Contain("\"2s\": 22.60").And.Contain("\"2s\": 61.20").And.Contain("\"10s\": 24.12")
            .And.Contain("\"distance\": 25.30").And.Contain("\"1h\": null");
    }

    [Fact]
    public void Load_SavedResults_ReadBackAsTheyWereWritten()
    {
        var (name, entry) = Completed("ABC", 817, At(11, 2), Suspect());
        SaveLedger(_folder, 817, (name, entry));

        var loaded = _store.Load("motion-817", out string? problem).Find(name)!;

        problem.Should().BeNull();
        loaded.Results.Should().BeEquivalentTo(entry.Results);
        var results = loaded.Results!.ToResults();
        results.IsSuspect.Should().BeTrue();
        results.Reasons.Select(r => r.Text).Should().Equal(GlitchReason);
        results.Figures.TwoSeconds.Should().Be(22.6);
        results.Device.DistanceKm.Should().Be(25.3, "figures are kept as written: two decimals");
        results.Figures.TimeOnWater.Should().Be(TimeSpan.FromSeconds(12_240));
    }

    [Fact]
    public void Load_OlderLedgerWithoutResults_LoadsWithNone_AndSavesWithoutTheField()
    {
        const string name = "ABC_817_20251012_110209.oao";
        Directory.CreateDirectory(_folder.DeviceDirectory("motion-817"));
        File.WriteAllText(_folder.LedgerFile("motion-817"), $$"""
            { "{{name}}": { "motion_file": "/logs/a.oao", "local_file": "gpslogs/20251012/{{name}}", "size": 10, "start_date": 1,
              "end_date": 2, "duration": 1, "distance": 3, "2s_best": 4, "10s_best": 5, "500m_best": 6, "status": "completed" } }
            """);

        var ledger = _store.Load("motion-817", out string? problem);
        _store.Save("motion-817", ledger);

        problem.Should().BeNull();
        ledger.Find(name)!.Results.Should().BeNull();
        ledger.Find(name)!.Status.Should().Be(LedgerStatus.Completed);
        File.ReadAllText(_folder.LedgerFile("motion-817")).Should().NotContain("results");
    }

    [Fact]
    public void Load_ResultsWithNullsAndNoReasons_IsNotSuspect()
    {
        const string name = "ABC_817_20251012_110209.oao";
        Directory.CreateDirectory(_folder.DeviceDirectory("motion-817"));
        File.WriteAllText(_folder.LedgerFile("motion-817"), $$"""
            { "{{name}}": { "motion_file": "/logs/a.oao", "local_file": "gpslogs/20251012/{{name}}", "size": 10, "status": "completed",
              "results": { "suspect": false, "reasons": [], "figures": { "2s": null, "500m": 12.5 }, "device": {} } } }
            """);

        var results = _store.Load("motion-817", out _).Find(name)!.Results!.ToResults();

        results.IsSuspect.Should().BeFalse();
        results.Figures.TwoSeconds.Should().BeNull();
        results.Figures.FiveHundredMetres.Should().Be(12.5);
        results.Device.Should().Be(CategoryFigures.None);
    }
}
