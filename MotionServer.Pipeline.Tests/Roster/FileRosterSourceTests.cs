using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Roster;

public class FileRosterSourceTests
{
    private const string Header = "Motion ID,Start Date,End Date,File ID\n";

    [Fact]
    public void Refresh_FileChangedToBadRoster_KeepsTheLastGoodOneAndReportsTheProblem()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write("motions.csv", Header + "801,2025-10-11,2025-10-17,AAA\n");
        var source = new FileRosterSource(path, "config/motions.csv");
        source.Load();

        File.WriteAllText(path, Header + "801,2025-10-11,2025-10-17,AAA\n802,not a date,2025-10-17,BBB\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));

        source.Refresh().Should().Be(RosterRefresh.Unchanged, "a change is read once it has settled");
        source.Refresh().Should().Be(RosterRefresh.Refused);
        source.Current.DeviceIds.Should().Equal(801);
        source.Problems.Should().ContainSingle().Which.Line.Should().Be(3);
    }

    [Fact]
    public void Refresh_FileThatCouldNotBeRead_IsReadOnceItCanBe_ThoughItsTimeAndLengthStayTheSame()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write("motions.csv", Header + "801,2025-10-11,2025-10-17,AAA\n");
        var source = new FileRosterSource(path, "config/motions.csv");
        source.Load();
        File.WriteAllText(path, Header + "801,2025-10-11,2025-10-17,AAA\n802,2025-10-11,2025-10-17,BBB\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));

        using (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None)) // a spreadsheet holding it open
        {
            source.Refresh().Should().Be(RosterRefresh.Unchanged, "a change is read once it has settled");
            source.Refresh().Should().Be(RosterRefresh.Refused);
            source.Problems.Should().ContainSingle().Which.Message.Should().StartWith("cannot be read");
            Enumerable.Range(0, 4).Select(_ => source.Refresh()).Should().OnlyContain(r => r == RosterRefresh.Unchanged,
                "the same read error is said once, not at every poll");
        }

        var afterwards = Enumerable.Range(0, 3).Select(_ => source.Refresh()).ToList();

        afterwards.Should().Contain(RosterRefresh.Replaced, "the file is readable again, and its time and length never changed");
        source.Current.DeviceIds.Should().Equal(801, 802);
        source.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Refresh_FileChangedToGoodRoster_ReplacesItAndClearsProblems()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write("motions.csv", Header + "801,2025-10-11,2025-10-17,AAA\n");
        var source = new FileRosterSource(path, "config/motions.csv");
        source.Load();

        File.WriteAllText(path, Header + "801,2025-10-11,2025-10-17,AAA\n802,2025-10-11,2025-10-17,BBB\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));

        source.Refresh().Should().Be(RosterRefresh.Unchanged, "a change is read once it has settled");
        source.Refresh().Should().Be(RosterRefresh.Replaced);
        source.Current.DeviceIds.Should().Equal(801, 802);
        source.Problems.Should().BeEmpty();
        source.Refresh().Should().Be(RosterRefresh.Unchanged);
    }

    [Fact]
    public void Refresh_FileStillBeingWritten_IsNotReadUntilItStaysTheSame()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write("motions.csv", Header + "801,2025-10-11,2025-10-17,AAA\n");
        var source = new FileRosterSource(path, "config/motions.csv");
        source.Load();

        File.WriteAllText(path, ""); // an editor saving in place: truncated first ...
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        source.Refresh().Should().Be(RosterRefresh.Unchanged);
        File.WriteAllText(path, Header + "801,2025-10-11,2025-10-17,AAA\n802,2025-10-11,2025-10-17,BBB\n"); // ... then written
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(6));
        source.Refresh().Should().Be(RosterRefresh.Unchanged);

        source.Refresh().Should().Be(RosterRefresh.Replaced, "the empty file in between was never read");
        source.Current.DeviceIds.Should().Equal(801, 802);
        source.Problems.Should().BeEmpty();
    }
}
