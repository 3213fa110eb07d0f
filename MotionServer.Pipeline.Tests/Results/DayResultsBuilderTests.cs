using System.Globalization;
using System.Text.Json;
using MotionServer.Pipeline.Results;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;
using static MotionServer.Pipeline.Tests.Results.ResultSamples;

namespace MotionServer.Pipeline.Tests.Results;

public sealed class DayResultsBuilderTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();
    private readonly EventFolder _folder;

    public DayResultsBuilderTests() => _folder = new EventFolder(_temp.Path);

    public void Dispose() => _temp.Dispose();

    /// <summary>Three rows of the day given out of order, one row of another day; two devices with tracks.</summary>
    private static MotionRoster Roster() => MotionRoster.Create(
    [
        Row(803, "ZED", "Zoe", "Last", craft: "Kite"),
        Row(801, "ABC", "Anna", "Sailor"),
        Row(802, "MID", "Max", "Middle"),
        Row(804, "OTHER", start: Day.AddDays(1), end: Day.AddDays(1)),
    ]);

    private void SaveTracks()
    {
        SaveLedger(_folder, 801,
            Completed("ABC", 801, At(10), Outcome(22.6, distanceKm: 10.5, minutes: 90, GlitchReason)),
            Completed("ABC", 801, At(14), Outcome(25.0, distanceKm: 4.25, minutes: 30)),
            Completed("ABC", 801, At(9).AddDays(-1), Outcome(40, distanceKm: 99)));
        SaveLedger(_folder, 803, Completed("ZED", 803, At(11), Outcome(18.0, distanceKm: 7)));
    }

    private string Csv() => File.ReadAllText(_folder.DayResultsFile(Day, "csv"));

    [Fact]
    public void Rebuild_RosterRowsOfTheDay_OneRowEachByFileId_RowsWithoutTracksIncluded_OtherDaysLeftOut()
    {
        SaveTracks();

        var written = DayResultsBuilder.Rebuild(_temp.Path, Roster(), Day);

        written.Rows.Select(r => r.Entry.FileId).Should().Equal("ABC", "MID", "ZED");
        written.Rows.Select(r => r.Tracks).Should().Equal(2, 0, 1);
        written.Rows[1].Best.TwoSeconds.Should().BeNull("a roster row without tracks has no figure");
        Csv().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')[0])
            .Should().Equal("File ID", "ABC", "MID", "ZED");
    }

    [Fact]
    public void Rebuild_TwoTracksOfOneRow_BestOfEachCategory_DistanceAndTimeSummed_SuspectCounted()
    {
        SaveTracks();

        var written = DayResultsBuilder.Rebuild(_temp.Path, Roster(), Day);

        var abc = written.Rows[0];
        abc.Best.TwoSeconds.Should().Be(25.0);
        abc.Best.FiveHundredMetres.Should().Be(23.0);
        abc.Best.DistanceKm.Should().Be(14.75);
        abc.Best.TimeOnWater.Should().Be(TimeSpan.FromMinutes(120));
        abc.SuspectTracks.Should().Be(1);
        written.Rows[2].SuspectTracks.Should().Be(0);
        Csv().Split("\r\n")[1].Should().Be("ABC,801,Anna,Sailor,E801,Sailboard,2,2:00:00,14.75,25.00,24.00,23.50,23.00,22.00,,,22.50,1");
        Csv().Split("\r\n")[2].Should().Be("MID,802,Max,Middle,E802,Sailboard,0,0:00:00,,,,,,,,,,0");
    }

    [Fact]
    public void Rebuild_Json_HasTheContractKeysWithTwoDecimals_AndNullWhereNone()
    {
        SaveTracks();

        DayResultsBuilder.Rebuild(_temp.Path, Roster(), Day);

        string json = File.ReadAllText(_folder.DayResultsFile(Day, "json"));
        json.Should().Contain("\"2s\": 25.00").And.Contain("\"1h\": null").And.Contain("\"distance\": 14.75").And.NotContain("\r");
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("date").GetString().Should().Be("2025-10-12");
        var rows = document.RootElement.GetProperty("rows");
        rows.GetArrayLength().Should().Be(3);
        rows[0].GetProperty("fileId").GetString().Should().Be("ABC");
        rows[0].GetProperty("suspectTracks").GetInt32().Should().Be(1);
        rows[0].GetProperty("timeOnWater").GetInt64().Should().Be(7200);
        rows[1].GetProperty("figures").GetProperty("2s").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Rebuild_SameLedgers_SameBytes_AndNothingIsRewritten_WhateverTheCulture()
    {
        SaveTracks();
        DayResultsBuilder.Rebuild(_temp.Path, Roster(), Day);
        byte[] csv = File.ReadAllBytes(_folder.DayResultsFile(Day, "csv"));
        byte[] json = File.ReadAllBytes(_folder.DayResultsFile(Day, "json"));
        var written = File.GetLastWriteTimeUtc(_folder.DayResultsFile(Day, "csv"));
        File.SetLastWriteTimeUtc(_folder.DayResultsFile(Day, "csv"), written.AddHours(-1));

        var culture = CultureInfo.CurrentCulture;
        var commaDecimals = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaDecimals.NumberFormat.NumberDecimalSeparator = ","; // as a German laptop writes numbers
        CultureInfo.CurrentCulture = commaDecimals;
        try
        {
            // A new builder, as after a restart: from the ledgers on disk alone.
            DayResultsBuilder.Rebuild(_temp.Path, Roster(), Day).Changed.Should().BeFalse();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        File.ReadAllBytes(_folder.DayResultsFile(Day, "csv")).Should().Equal(csv);
        File.ReadAllBytes(_folder.DayResultsFile(Day, "json")).Should().Equal(json);
        File.GetLastWriteTimeUtc(_folder.DayResultsFile(Day, "csv")).Should().Be(written.AddHours(-1), "unchanged files are not rewritten");
    }

    [Fact]
    public void Rebuild_ALedgerChanged_ReplacesBothFiles_AndLeavesNoTemporaryFile()
    {
        SaveTracks();
        var builder = new DayResultsBuilder(_folder);
        builder.Rebuild(Roster(), Day);
        string before = Csv();

        SaveLedger(_folder, 802, Completed("MID", 802, At(12), Outcome(30.0)));
        var written = builder.Rebuild(Roster(), Day);

        written.Changed.Should().BeTrue();
        Csv().Should().NotBe(before).And.Contain("MID,802,Max,Middle,E802,Sailboard,1,1:00:00,10.00,30.00,");
        File.ReadAllText(_folder.DayResultsFile(Day, "json")).Should().Contain("\"2s\": 30.00");
        Directory.GetFiles(_folder.ResultsDirectory).Select(Path.GetFileName).Should().BeEquivalentTo(["20251012.csv", "20251012.json"]);
    }

    [Fact]
    public void Rebuild_BothFilesAreTheirWritersBytes_AfterLongerOnesInTheSameBuilder()
    {
        // The builder writes each file into a buffer it keeps: a shorter file after a longer one must leave nothing of
        // the longer behind, and the bytes must be those the serializer's own options and the CSV writer give.
        SaveTracks();
        SaveLedger(_folder, 802, Completed("MID", 802, At(12), Outcome(30.0)));
        var builder = new DayResultsBuilder(_folder);
        builder.Rebuild(Roster(), Day);
        long longerJson = new FileInfo(_folder.DayResultsFile(Day, "json")).Length;
        long longerCsv = new FileInfo(_folder.DayResultsFile(Day, "csv")).Length;
        File.Delete(_folder.LedgerFile("motion-802"));

        var written = builder.Rebuild(Roster(), Day);

        byte[] expected = JsonSerializer.SerializeToUtf8Bytes(DayResultsDocument.From(Day, written.Rows), DayResultsJsonContext.Default.DayResultsDocument);
        byte[] json = File.ReadAllBytes(_folder.DayResultsFile(Day, "json"));
        json.Length.Should().BeLessThan((int)longerJson);
        json.Should().Equal(expected);
        byte[] csv = File.ReadAllBytes(_folder.DayResultsFile(Day, "csv"));
        csv.Length.Should().BeLessThan((int)longerCsv);
        csv.Should().Equal(DayResultsCsv.Write(written.Rows));
    }

    [Fact]
    public void Rebuild_AFileOfTheSameLengthWithOtherBytes_IsRewritten()
    {
        SaveTracks();
        var builder = new DayResultsBuilder(_folder);
        builder.Rebuild(Roster(), Day);
        string path = _folder.DayResultsFile(Day, "json");
        byte[] good = File.ReadAllBytes(path);
        byte[] damaged = (byte[])good.Clone();
        damaged[^2] ^= 0x20;
        File.WriteAllBytes(path, damaged);

        builder.Rebuild(Roster(), Day).Changed.Should().BeTrue();

        File.ReadAllBytes(path).Should().Equal(good);
    }

    [Fact]
    public void Rebuild_TrackWithoutResults_CountsItsTrackAndDuration_WithNoFigure()
    {
        SaveLedger(_folder, 802, Completed("MID", 802, At(12), results: null));

        var written = DayResultsBuilder.Rebuild(_temp.Path, Roster(), Day);

        var mid = written.Rows.Single(r => r.Entry.FileId == "MID");
        mid.Tracks.Should().Be(1);
        mid.Best.TimeOnWater.Should().Be(TimeSpan.FromHours(1), "a track from before results counts its recorded duration");
        mid.Best.TwoSeconds.Should().BeNull();
    }

    [Fact]
    public void DaysWithTracks_EveryLocalDateOfACompletedTrack_EarliestFirst()
    {
        SaveTracks();

        DayResultsBuilder.DaysWithTracks(_temp.Path).Should().Equal(Day.AddDays(-1), Day);
    }
}
