using System.Text;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Roster;

/// <summary>Rosters saved by spreadsheets, as files: delimiters, byte-order marks and line ends as Excel and LibreOffice write them.</summary>
public sealed class RosterSpreadsheetTests : IDisposable
{
    private static readonly UTF8Encoding WithBom = new(encoderShouldEmitUTF8Identifier: true);
    private static readonly UTF8Encoding WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private MotionRoster ReadFile(string text, Encoding encoding)
    {
        string path = Path.Combine(_folder.Path, "motions.csv");
        File.WriteAllText(path, text, encoding);
        return RosterCsvReader.ReadFile(path, "config/motions.csv");
    }

    [Fact]
    public void ReadFile_ExcelEuropeanLocale_SemicolonsBomCrlf()
    {
        // Excel "CSV UTF-8" in a German or French locale: BOM, semicolons, CRLF, a trailing empty line.
        string text = "Entrant ID;Tally;Motion ID;Start Date;End Date;File ID;First Name;Family Name;Craft Type\r\n" +
                      "1061;1;801;2025-10-11;2025-10-17;ABC801XYZ;Zoë;Müller;Sailboard\r\n" +
                      "1062;2;802;2025-10-11;2025-10-13;ABC802XYZ;Jean;\"Dupont; fils\";Kite\r\n" +
                      ";;;;;;;;\r\n";

        var roster = ReadFile(text, WithBom);

        roster.DeviceIds.Should().Equal(801, 802);
        roster.Find(801, new DateOnly(2025, 10, 11))!.CompetitorName.Should().Be("Zoë Müller");
        roster.Find(802, new DateOnly(2025, 10, 12))!.FamilyName.Should().Be("Dupont; fils");
        roster.Find(802, new DateOnly(2025, 10, 12))!.Line.Should().Be(3);
    }

    [Fact]
    public void ReadFile_LibreOfficeSemicolonsQuotedText_NoBom()
    {
        string text = "\"Motion ID\";\"Start Date\";\"End Date\";\"File ID\";\"First Name\"\n" +
                      "801;2025-10-11;2025-10-17;\"ABC801XYZ\";\"Alex, Jr\"\n";

        var roster = ReadFile(text, WithoutBom);

        var entry = roster.Find(801, new DateOnly(2025, 10, 17))!;
        entry.FileId.Should().Be("ABC801XYZ");
        entry.FirstName.Should().Be("Alex, Jr");
    }

    [Fact]
    public void ReadFile_ExcelCommasBomCrlf()
    {
        string text = "Motion ID,Start Date,End Date,File ID\r\n801,2025-10-11,2025-10-17,ABC801XYZ\r\n802,2025-10-11,2025-10-17,ABC802XYZ\r\n";

        ReadFile(text, WithBom).DeviceIds.Should().Equal(801, 802);
    }

    [Fact]
    public void ReadFile_SemicolonRowProblem_NamesItsLine()
    {
        string text = "Motion ID;Start Date;End Date;File ID\r\n801;2025-10-11;2025-10-17;A\r\n802;11/10/2025;2025-10-17;B\r\n";

        var act = () => ReadFile(text, WithBom);

        act.Should().Throw<RosterException>().Which.Problems.Should().ContainSingle().Which.ToString()
            .Should().Be("config/motions.csv line 3: Start Date \"11/10/2025\" is not a date of the form yyyy-MM-dd (such as 2025-10-11)");
    }

    [Fact]
    public void ReadFile_WrongHeader_SaysWhichColumnsAreExpectedAndWhichWereFound()
    {
        string text = "Device;From;To;File ID\r\n801;2025-10-11;2025-10-17;A\r\n";

        var act = () => ReadFile(text, WithBom);

        act.Should().Throw<RosterException>().Which.Problems.Should().ContainSingle().Which.ToString().Should().Be(
            "config/motions.csv line 1: missing columns \"Motion ID\", \"Start Date\", \"End Date\"" +
            " - expected the columns Motion ID, Start Date, End Date, File ID (and optionally First Name, Family Name, Entrant ID, Craft Type)," +
            " separated by commas or semicolons; found: \"Device\", \"From\", \"To\", \"File ID\" (separated by semicolons)");
    }

    [Fact]
    public void ReadFile_ExcelPlainCsvInWindows1252_NamesKeepTheirAccents()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string text = "Motion ID;Start Date;End Date;File ID;First Name;Family Name\r\n801;2025-10-11;2025-10-17;A;Zoë;Müller-Façade\r\n";

        var roster = ReadFile(text, Encoding.GetEncoding(1252));

        roster.Find(801, new DateOnly(2025, 10, 11))!.CompetitorName.Should().Be("Zoë Müller-Façade");
    }

    [Fact]
    public void ReadFile_ExcelUnicodeText_Utf16TabSeparated()
    {
        string text = "Motion ID\tStart Date\tEnd Date\tFile ID\tFirst Name\r\n801\t2025-10-11\t2025-10-17\tA\tŁucja\r\n";

        ReadFile(text, new UnicodeEncoding(bigEndian: false, byteOrderMark: true)).Find(801, new DateOnly(2025, 10, 11))!.FirstName.Should().Be("Łucja");
    }

    [Theory]
    [InlineData("Motion ID,Start Date,End Date,File ID", ',')]
    [InlineData("Motion ID;Start Date;End Date;File ID", ';')]
    [InlineData("Motion ID\tStart Date\tEnd Date\tFile ID", '\t')]
    [InlineData("\"Name, first\";\"Motion ID\";\"Start Date\"", ';')]
    [InlineData("\r\n\r\nMotion ID;Start Date\r\n1,2,3,4,5,6", ';')]
    [InlineData("Motion ID", ',')]
    public void Detect_HeaderLine_ChoosesTheSeparator(string content, char expected)
    {
        RosterDelimiter.Detect(content).Should().Be(expected);
    }
}
