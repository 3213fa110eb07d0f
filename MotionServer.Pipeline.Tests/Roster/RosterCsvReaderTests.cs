using MotionServer.Pipeline.Roster;

namespace MotionServer.Pipeline.Tests.Roster;

public class RosterCsvReaderTests
{
    private const string Header = "Entrant ID,Tally,Motion ID,Start Date,End Date,File ID,First Name,Family Name,Craft Type,Class,Status,Entry Type";

    private static MotionRoster Read(params string[] rows) =>
        RosterCsvReader.Read(new StringReader(string.Join('\n', rows.Prepend(Header))), "motions.csv");

    private static IReadOnlyList<RosterProblem> Problems(params string[] rows)
    {
        var act = () => Read(rows);
        return act.Should().Throw<RosterException>().Which.Problems;
    }

    [Fact]
    public void Read_ValidRows_GiveEntries()
    {
        var roster = Read(
            "1061,1,801,2025-10-11,2025-10-17,ABC801XYZ,Alex,Example,Sailboard,,Pro Fleet,All Week",
            "1062,2,802,2025-10-11,2025-10-13,ABC802XYZ,Sam,Sample,Kite,,Amateur,Part Week");

        roster.DeviceIds.Should().Equal(801, 802);
        var entry = roster.Find(801, new DateOnly(2025, 10, 17))!;
        entry.FileId.Should().Be("ABC801XYZ");
        entry.CompetitorName.Should().Be("Alex Example");
        entry.Line.Should().Be(2);
    }

    [Fact]
    public void Find_IsInclusiveAtBothEnds_AndNullOutside()
    {
        var roster = Read("1,1,801,2025-10-11,2025-10-12,A,B,C,,,,");

        roster.Find(801, new DateOnly(2025, 10, 11)).Should().NotBeNull();
        roster.Find(801, new DateOnly(2025, 10, 12)).Should().NotBeNull();
        roster.Find(801, new DateOnly(2025, 10, 10)).Should().BeNull();
        roster.Find(801, new DateOnly(2025, 10, 13)).Should().BeNull();
        roster.Find(802, new DateOnly(2025, 10, 11)).Should().BeNull();
    }

    [Fact]
    public void Read_PlaceholderIds_AreIgnored()
    {
        var roster = Read("1,1,0,,,,,,,,,", "2,2,-1,,,,,,,,,", "3,3,,,,,,,,,,", "4,4,801,2025-10-11,2025-10-12,A,B,C,,,,");

        roster.DeviceIds.Should().Equal(801);
    }

    [Fact]
    public void Read_OneDeviceForTwoPeopleOnDifferentDays_IsAccepted()
    {
        var roster = Read("1,1,801,2025-10-11,2025-10-13,AAA,A,A,,,,", "2,2,801,2025-10-14,2025-10-17,BBB,B,B,,,,");

        roster.Find(801, new DateOnly(2025, 10, 13))!.FileId.Should().Be("AAA");
        roster.Find(801, new DateOnly(2025, 10, 14))!.FileId.Should().Be("BBB");
    }

    [Fact]
    public void Read_OverlappingClaims_NameBothLines()
    {
        var problems = Problems("1,1,801,2025-10-11,2025-10-13,AAA,A,A,,,,", "2,2,801,2025-10-13,2025-10-17,BBB,B,B,,,,");

        problems.Should().ContainSingle().Which.ToString().Should().Be(
            "motions.csv line 3: Motion ID 801 is also claimed by line 2 from 2025-10-13 to 2025-10-13; one device can belong to one person a day");
    }

    [Fact]
    public void Read_BadRows_ReportEveryProblemWithItsLine()
    {
        var problems = Problems(
            "1,1,abc,2025-10-11,2025-10-13,AAA,A,A,,,,",
            "2,2,802,11/10/2025,2025-10-17,BBB,B,B,,,,",
            "3,3,803,2025-10-12,2025-10-11,CCC,C,C,,,,",
            "4,4,804,2025-10-12,2025-10-13,C C/..,C,C,,,,",
            "5,5,805,,2025-10-13,EEE,E,E,,,,");

        problems.Select(p => p.Line).Should().Equal(2, 3, 4, 5, 6);
        problems[0].Message.Should().Be("Motion ID \"abc\" is not a whole number");
        problems[1].Message.Should().Be("Start Date \"11/10/2025\" is not a date of the form yyyy-MM-dd (such as 2025-10-11)");
        problems[2].Message.Should().Be("End Date 2025-10-11 is before Start Date 2025-10-12");
        problems[3].Message.Should().StartWith("File ID \"C C/..\" must be letters, digits");
        problems[4].Message.Should().Be("Start Date is empty (expected a date such as 2025-10-11)");
    }

    [Fact]
    public void Read_MissingColumns_NamesThem()
    {
        var act = () => RosterCsvReader.Read(new StringReader("Motion ID,First Name\n801,Alex"), "motions.csv");

        act.Should().Throw<RosterException>().Which.Problems.Should().ContainSingle()
            .Which.ToString().Should().StartWith("motions.csv line 1: missing columns \"Start Date\", \"End Date\", \"File ID\"");
    }

    [Fact]
    public void Read_EmptyFile_IsRefused()
    {
        var act = () => RosterCsvReader.Read(new StringReader(""), "motions.csv");

        act.Should().Throw<RosterException>().Which.Problems.Single().Message.Should().StartWith("is empty");
    }

    [Fact]
    public void Read_QuotedFieldsAndBom_AreHandled()
    {
        var roster = RosterCsvReader.Read(new StringReader("\uFEFF" + Header + "\n1,1,801,2025-10-11,2025-10-17,ABC801XYZ,\"Alex, Jr\",Example,,,,"), "motions.csv");

        roster.EntriesFor(801).Single().FirstName.Should().Be("Alex, Jr");
    }

    [Fact]
    public void ReadFile_Missing_SaysHowToFixIt()
    {
        var act = () => RosterCsvReader.ReadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "motions.csv"), "config/motions.csv");

        act.Should().Throw<RosterException>().Which.Problems.Single().ToString()
            .Should().Be("config/motions.csv: not found: create it with the columns Motion ID, Start Date, End Date, File ID");
    }
}
