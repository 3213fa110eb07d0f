using System.Text.Json;
using MotionServer.Host.Results;
using MotionServer.Pipeline.Tests.Support;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Tests.Host;

public sealed class ResultsCommandTests : IDisposable
{
    private static readonly string[] Keys = ["2s", "10s", "5x10s", "500m", "1852m", "30min", "1h", "alpha500", "distance"];

    private static readonly CategoryFigures Clean =
        new(22.604, 21.2, 20.555, 19.0, 18.1, null, null, 17.449, 12.3456, TimeSpan.FromMinutes(25));

    private static readonly CategoryFigures Glitched = Clean with { TwoSeconds = 61.2, TenSeconds = 33.333 };

    private static readonly TrackResults Suspect = new(Glitched, Clean,
        [new SuspectReason("2s", new DateTimeOffset(2025, 10, 12, 10, 31, 13, TimeSpan.Zero), "2 s 61.2 kn at 10:31:13 is a glitch; by the rules 2 s is 22.6 kn")]);

    private static readonly TrackResults Fine = new(Clean, Clean, []);

    private readonly TemporaryFolder _temp = new();
    private readonly List<string> _rebuilt = [];

    public void Dispose() => _temp.Dispose();

    /// <summary>A file on disk whose results the fake reader knows by its name.</summary>
    private string File(string name)
    {
        string path = Path.Combine(_temp.Path, name);
        System.IO.File.WriteAllBytes(path, [0x0A]);
        return path;
    }

    /// <summary>Reads the file (so a missing one fails as it would), then hands out the fake results of its name.</summary>
    private static TrackResults FakeRead(string path)
    {
        _ = System.IO.File.ReadAllBytes(path);
        return Path.GetFileName(path).StartsWith("suspect", StringComparison.Ordinal) ? Suspect : Fine;
    }

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = ResultsCommand.Run(args, output, error, FakeRead, (folder, day, _, _) =>
        {
            _rebuilt.Add($"{folder} {day}");
            return 0;
        });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Run_Json_PrintsOneObjectPerFileInTheOrderGivenWithTheContractsShape()
    {
        string suspect = File("suspect.oao"), fine = File("fine.oao");

        var (code, output, error) = Run("--json", suspect, fine);

        code.Should().Be(0, error);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("file").GetString()).Should().Equal(suspect, fine);
        rows.Should().AllSatisfy(r =>
        {
            r.EnumerateObject().Select(p => p.Name).Should().Equal("file", "suspect", "reasons", "figures", "device");
            r.GetProperty("figures").EnumerateObject().Select(p => p.Name).Should().Equal(Keys);
            r.GetProperty("device").EnumerateObject().Select(p => p.Name).Should().Equal(Keys);
        });
        rows[0].GetProperty("suspect").GetBoolean().Should().BeTrue();
        rows[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).Should().Equal(Suspect.Reasons[0].Text);
        rows[0].GetProperty("device").GetProperty("2s").GetDouble().Should().Be(61.2);
        rows[1].GetProperty("suspect").GetBoolean().Should().BeFalse();
        rows[1].GetProperty("reasons").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Run_Json_WritesFiguresWithTwoDecimalsAndNullWhereTheTrackIsTooShort()
    {
        var (_, output, _) = Run("--json", File("fine.oao"));

        output.Should().Contain("\"2s\": 22.60,").And.Contain("\"5x10s\": 20.56,").And.Contain("\"alpha500\": 17.45,")
            .And.Contain("\"distance\": 12.35").And.Contain("\"30min\": null,").And.Contain("\"1h\": null,");
    }

    [Fact]
    public void Run_UnreadableFile_PrintsTheOthersNamesItOnStandardErrorAndExits1()
    {
        string fine = File("fine.oao"), missing = Path.Combine(_temp.Path, "missing.oao"), suspect = File("suspect.oao");

        var (code, output, error) = Run("--json", fine, missing, suspect);

        code.Should().Be(1);
        using var json = JsonDocument.Parse(output);
        json.RootElement.EnumerateArray().Select(r => r.GetProperty("file").GetString()).Should().Equal(fine, suspect);
        error.Should().Contain($"{missing} cannot be read").And.NotContain("fine.oao");
        Run(fine, missing).Code.Should().Be(1, "the table exits alike");
    }

    [Fact]
    public void Run_WithoutJson_PrintsATableRowPerFileAndTheReasonsBelow()
    {
        string fine = File("fine.oao"), suspect = File("suspect.oao");

        var (code, output, _) = Run(fine, suspect);

        code.Should().Be(0);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().MatchRegex(@"^FILE\s+SUSPECT\s+2S\s+10S\s+5X10\s+500M\s+NM\s+30MIN\s+1H\s+ALPHA\s+KM$");
        lines[1].Should().StartWith(fine).And.MatchRegex(@"\s+no\s+22\.60\s+21\.20\s+20\.56\s+19\.00\s+18\.10\s+-\s+-\s+17\.45\s+12\.35$");
        lines[2].Should().StartWith(suspect).And.MatchRegex(@"\s+yes\s+22\.60\s+");
        lines[3].Should().Be($"    - {Suspect.Reasons[0].Text}");
        lines[4].Should().Be("2 track(s): 1 suspect");
    }

    [Theory]
    [InlineData(new string[0], "no track files")]
    [InlineData(new[] { "--json" }, "no track files")]
    [InlineData(new[] { "--bogus", "a.oao" }, "unknown option '--bogus'")]
    [InlineData(new[] { "--event-dir" }, "--event-dir needs a value")]
    [InlineData(new[] { "--event-dir", "x", "a.oao" }, "not both")]
    [InlineData(new[] { "--date", "20251012", "a.oao" }, "--date needs --event-dir")]
    [InlineData(new[] { "--event-dir", "x", "--date", "2025-10-12" }, "--date needs a day as yyyyMMdd")]
    [InlineData(new[] { "--event-dir", "no-such-folder" }, "the event folder no-such-folder does not exist")]
    public void Run_BadInput_Exits2WithAMessage(string[] args, string message)
    {
        var (code, output, error) = Run(args);

        code.Should().Be(2);
        error.Should().Contain(message);
        output.Should().BeEmpty();
    }

    [Fact]
    public void Run_EventDir_HandsTheFolderAndTheDayToTheRebuild()
    {
        Run("--event-dir", _temp.Path, "--date", "20251012").Code.Should().Be(0);
        Run("--event-dir", _temp.Path).Code.Should().Be(0);

        _rebuilt.Should().Equal($"{_temp.Path} {new DateOnly(2025, 10, 12)}", $"{_temp.Path} ");
    }

    [Fact]
    public void Run_EventDirWithAnEmptyLedgerFolder_SaysThereIsNothingToRebuild_AndExits0()
    {
        Directory.CreateDirectory(Path.Combine(_temp.Path, "config"));
        System.IO.File.WriteAllText(Path.Combine(_temp.Path, "config", "motions.csv"), "Motion ID,Start Date,End Date,File ID\n817,2025-10-11,2025-10-17,ABC\n");
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = ResultsCommand.Run(["--event-dir", _temp.Path, "--date", "20251012"], output, error);

        error.ToString().Should().BeEmpty();
        code.Should().Be(0);
        output.ToString().Should().StartWith("20251012: 1 row(s), results/20251012.csv and 20251012.json written");
        System.IO.File.ReadAllText(Path.Combine(_temp.Path, "results", "20251012.csv")).Should().Contain("ABC");
    }

    [Fact]
    public void Run_EventDirWithoutARoster_SaysWhatIsWrong_AndExits2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = ResultsCommand.Run(["--event-dir", _temp.Path], output, error);

        code.Should().Be(2);
        error.ToString().Should().Contain("config/motions.csv").And.Contain("not found");
    }

    [Fact]
    public void Run_Help_PrintsTheUsageAndExits0()
    {
        var (code, output, _) = Run("--help");

        code.Should().Be(0);
        output.Should().Contain("results [--json] FILE.oao").And.Contain("--event-dir DIR [--date yyyyMMdd]");
        MotionServer.Host.CommandLine.HostCommandLine.Help(MotionServer.Host.CommandLine.HostCommandLine.Root).Should().Contain("results [--json] FILE.oao", "the host's --help names the command");
    }
}
