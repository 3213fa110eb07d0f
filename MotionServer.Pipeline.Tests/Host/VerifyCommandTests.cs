using System.Text.Json;
using MotionServer.Emulator.Tracks;
using MotionServer.Host.Verify;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Host;

public sealed class VerifyCommandTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 10, 12, 9, 2, 9, TimeSpan.Zero);
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Puts a track in the event folder and its entry in the device's ledger; returns its file name.</summary>
    private string AddTrack(int id, int hour, byte[]? content = null, GeneratedTrack? track = null, bool onDisk = true)
    {
        track ??= SyntheticTrack.Generate(new SyntheticTrackSpec(id, $"N{id}", Start.AddHours(hour), TimeSpan.FromMinutes(5), Seed: hour) { DevicePadding = true });
        var name = TrackName.Create($"F{id}", id, TrackName.LocalStartOf(track.StartDate, 60));
        var folder = new EventFolder(_temp.Path);
        if (onDisk)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(folder.TrackFile(name))!);
            File.WriteAllBytes(folder.TrackFile(name), content ?? track.Content);
        }

        string ledgerFile = folder.LedgerFile($"motion-{id}");
        Directory.CreateDirectory(Path.GetDirectoryName(ledgerFile)!);
        var ledger = File.Exists(ledgerFile) ? JsonSerializer.Deserialize<Dictionary<string, LedgerEntry>>(File.ReadAllBytes(ledgerFile))! : [];
        ledger[name.FileName] = new LedgerEntry
        {
            MotionFile = $"/logs/{name.FileName}",
            LocalFile = EventFolder.RelativeTrackPath(name),
            Size = track.Size,
            StartDate = track.StartDate,
            EndDate = track.EndDate,
            Duration = track.Duration,
            Distance = track.Distance,
            Best2s = track.Best2s,
            Best10s = track.Best10s,
            Best500m = track.Best500m,
            Status = LedgerStatus.Completed,
        };
        File.WriteAllBytes(ledgerFile, JsonSerializer.SerializeToUtf8Bytes(ledger));
        return name.FileName;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = VerifyCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string RowOf(string output, string name) => output.Split('\n').Single(l => l.StartsWith(name, StringComparison.Ordinal));

    [Fact]
    public void Run_FolderOfValidTracks_PrintsTheTableAndExits0()
    {
        string first = AddTrack(817, 0);
        string second = AddTrack(818, 1);

        var (code, output, _) = Run("--event-dir", _temp.Path);

        code.Should().Be(0);
        output.Should().StartWith("FILE").And.Contain("2 track(s): 2 valid, 0 damaged, 0 missing");
        RowOf(output, first).Should().MatchRegex(@"^F817_\S+\s+motion-817\s+valid\s+0\.1 hours\s+\d+\.\d km\s+\d+\.\d\s+\d+\.\d\s+\d+\.\d$");
        RowOf(output, second).Should().Contain("motion-818").And.Contain(" valid ");
        output.Should().NotContain("note:");
        Run("--event-dir", _temp.Path, "--notes").Output.Should().Contain("    note: header distance ").And.Contain("compared loosely (the device's rule is unknown)");
    }

    [Fact]
    public void Run_FolderWithDamagedAndMissingTracks_NamesExactlyThoseAndExits1()
    {
        string valid = AddTrack(817, 0);
        var track = SyntheticTrack.Generate(new SyntheticTrackSpec(817, "N817", Start.AddHours(2), TimeSpan.FromMinutes(5), Seed: 2) { DevicePadding = true });
        string damaged = AddTrack(817, 2, TrackDamage.Apply(track.Content, TrackDamageKind.FlippedByte), track);
        string missing = AddTrack(818, 3, onDisk: false);

        var (code, output, _) = Run("--event-dir", _temp.Path);

        code.Should().Be(1);
        RowOf(output, valid).Should().Contain(" valid ");
        RowOf(output, damaged).Should().Contain(" damaged ");
        output.Should().Contain("    - bad checksum in frame 0x0AD");
        RowOf(output, missing).Should().MatchRegex(@"motion-818\s+missing$");
        output.Should().Contain("3 track(s): 1 valid, 1 damaged, 1 missing");
    }

    [Fact]
    public void Run_LedgerThatStartsWithAByteOrderMark_IsReadAsTheServerReadsIt()
    {
        string name = AddTrack(817, 0);
        string ledger = new EventFolder(_temp.Path).LedgerFile("motion-817");
        File.WriteAllBytes(ledger, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(ledger)]); // as a Windows editor saves it

        var (code, output, error) = Run("--event-dir", _temp.Path);

        error.Should().BeEmpty();
        code.Should().Be(0);
        RowOf(output, name).Should().Contain("motion-817").And.Contain(" valid ");
    }

    [Fact]
    public void Run_Files_TakeTheirLedgerEntriesIntoAccount()
    {
        // A header without a summary (as ESP-GPS writes it): the ledger's device figures are all there is to compare.
        var track = SyntheticTrack.Generate(new SyntheticTrackSpec(817, "N817", Start, TimeSpan.FromMinutes(5), Seed: 4) { DevicePadding = true });
        byte[] content = (byte[])track.Content.Clone();
        new MotionServer.Pipeline.Tracks.Oao.OaoHeader { Identifier = 817 }.WriteTo(content);
        string name = AddTrack(817, 0, track: track with { Best500m = track.Best500m + 5 }, content: content);
        string path = Directory.GetFiles(Path.Combine(_temp.Path, "gpslogs"), name, SearchOption.AllDirectories).Single();

        var (code, output, _) = Run(path);

        code.Should().Be(1, "the ledger recorded a 500 m best the frames do not give");
        output.Should().Contain($"    - logs.json best 500 m {track.Best500m + 5} mm/s, frames {track.Best500m} mm/s");
    }

    [Theory]
    [InlineData(new string[0], "nothing to verify")]
    [InlineData(new[] { "--event-dir" }, "--event-dir needs a value")]
    [InlineData(new[] { "--event-dir", "--notes" }, "--event-dir needs a value")]
    [InlineData(new[] { "--bogus" }, "unknown option '--bogus'")]
    [InlineData(new[] { "no-such-file.oao" }, "no such file: no-such-file.oao")]
    public void Run_BadInput_Exits2WithAMessage(string[] args, string message)
    {
        var (code, _, error) = Run(args);

        code.Should().Be(2);
        error.Should().Contain(message);
    }

    [Fact]
    public void Run_SeveralMistakes_NamesEveryOne()
    {
        var (code, _, error) = Run("--bogus", "--event-dir");

        code.Should().Be(2);
        error.Should().Contain("verify: unknown option '--bogus'").And.Contain("verify: --event-dir needs a value");
    }
}
