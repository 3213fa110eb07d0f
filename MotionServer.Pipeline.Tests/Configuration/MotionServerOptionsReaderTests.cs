using Microsoft.Extensions.Configuration;
using MotionServer.Pipeline.Configuration;

namespace MotionServer.Pipeline.Tests.Configuration;

public class MotionServerOptionsReaderTests
{
    private static MotionServerOptionsReadResult Read(params (string Key, string? Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
        return MotionServerOptionsReader.Read(configuration.GetSection("MotionServer"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    public void Read_DryRun_IsTrueOrFalse(string text, bool expected)
    {
        var result = Read(("MotionServer:DryRun", text));

        result.Problems.Should().BeEmpty();
        result.Options.DryRun.Should().Be(expected);
    }

    [Fact]
    public void Read_DryRunThatIsNotTrueOrFalse_IsAProblem()
    {
        Read(("MotionServer:DryRun", "yes")).Problems.Select(p => p.ToString()).Should().ContainSingle()
            .Which.Should().Be("MotionServer:DryRun = \"yes\": expected true or false");
    }

    [Fact]
    public void Read_ValidValues_AreBound()
    {
        var result = Read(
            ("MotionServer:Network:Port", "8080"),
            ("MotionServer:Detection:Interval", "00:00:02"),
            ("MotionServer:Filters:Min500mBestKnots", "2.5"),
            ("MotionServer:ApprovedFirmware:0", "9008 Event build (3232)"),
            ("MotionServer:ApprovedFirmware:1", "3129"));

        result.Problems.Should().BeEmpty();
        result.Options.Network.Port.Should().Be(8080);
        result.Options.Detection.Interval.Should().Be(TimeSpan.FromSeconds(2));
        result.Options.Filters.Min500mBestKnots.Should().Be(2.5);
        result.Options.ApprovedFirmware.Should().Equal("9008 Event build (3232)", "3129");
    }

    [Fact]
    public void Read_ResultsRules_AreBound_AndAnHdopOutOfRange_IsAProblem()
    {
        var result = Read(("MotionServer:Results:MaximumGap", "00:00:05"), ("MotionServer:Results:MinimumSatellites", "7"));

        result.Problems.Should().BeEmpty();
        result.Options.Results.MaximumGap.Should().Be(TimeSpan.FromSeconds(5));
        result.Options.Results.MinimumSatellites.Should().Be(7);
        Read(("MotionServer:Results:MaximumHdop", "0.1")).Problems.Select(p => p.ToString()).Should().ContainSingle()
            .Which.Should().Be("MotionServer:Results:MaximumHdop = \"0.1\": must be between 0.5 and 100");
    }

    [Fact]
    public void Read_KeysDifferingInCase_AreBound()
    {
        Read(("MotionServer:download:workers", "2")).Options.Download.Workers.Should().Be(2);
    }

    [Fact]
    public void Read_SeveralBadValues_ReportsEveryOneWithItsKey()
    {
        var result = Read(
            ("MotionServer:Detection:Interval", "5s"),
            ("MotionServer:Download:Workers", "0"),
            ("MotionServer:Network:Port", "eighty"),
            ("MotionServer:Downlaod:Workers", "2"));

        result.IsValid.Should().BeFalse();
        result.Problems.Select(p => p.ToString()).Should().BeEquivalentTo(
            "MotionServer:Detection:Interval = \"5s\": expected a duration as hh:mm:ss (for example 00:00:05)",
            "MotionServer:Download:Workers = \"0\": must be between 1 and 64",
            "MotionServer:Network:Port = \"eighty\": expected a whole number",
            "MotionServer:Downlaod: unknown setting; known settings here are ApprovedFirmware, Dashboard, Detection, Disconnection, Download, DryRun, EventDirectory, Expected, Filters, Host, Inspection, Limits, Network, Results, Retry, Thresholds");
    }

    [Fact]
    public void Read_HostnameTemplateWithoutId_IsRefused()
    {
        Read(("MotionServer:Network:HostnameTemplate", "motion"))
            .Problems.Should().ContainSingle(p => p.Key == "MotionServer:Network:HostnameTemplate" && p.Message.Contains("{id}"));
    }

    [Fact]
    public void Read_AKeyTheHostReads_IsKnown_AndLeftToIt()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("MotionServer:Dashboard:Listen", "0.0.0.0:8080")])
            .Build();

        MotionServerOptionsReader.Read(configuration.GetSection("MotionServer"), ["Dashboard:Listen"]).Problems.Should().BeEmpty();
        MotionServerOptionsReader.Read(configuration.GetSection("MotionServer")).Problems.Should()
            .ContainSingle(p => p.Key == "MotionServer:Dashboard:Listen", "the library alone serves no dashboards");
    }

    [Fact]
    public void Read_RetryMaxShorterThanInitial_IsRefused()
    {
        Read(("MotionServer:Retry:InitialDelay", "00:01:00"), ("MotionServer:Retry:MaxDelay", "00:00:10"))
            .Problems.Should().ContainSingle(p => p.Key == "MotionServer:Retry:MaxDelay");
    }

    [Fact]
    public void Read_NegativeDuration_IsRefused()
    {
        Read(("MotionServer:Dashboard:Interval", "-00:00:05")).IsValid.Should().BeFalse();
    }

    [Fact]
    public void Read_DetectionLookupsOutOfRange_IsRefused()
    {
        Read(("MotionServer:Detection:Lookups", "0"))
            .Problems.Should().ContainSingle().Which.Message.Should().Be("must be between 1 and 1024");
        Read(("MotionServer:Detection:Lookups", "64")).Options.Detection.Lookups.Should().Be(64);
    }

    [Fact]
    public void Read_NameLookupNeitherDirectNorSystem_IsRefused()
    {
        Read(("MotionServer:Detection:NameLookup", "dns")).Problems.Select(p => p.ToString()).Should().ContainSingle()
            .Which.Should().Be("MotionServer:Detection:NameLookup = \"dns\": must be direct, system or hosts");
        Read(("MotionServer:Detection:NameLookup", "System")).Options.Detection.NameLookup.Should().Be("System");
        Read().Options.Detection.NameLookup.Should().Be("direct");
    }

    [Fact]
    public void Read_ThresholdOutOfRange_IsRefused()
    {
        Read(("MotionServer:Thresholds:Battery", "101"))
            .Problems.Should().ContainSingle().Which.Message.Should().Be("must be between 0 and 100");
    }

    [Fact]
    public void Read_AnIntervalShorterThanTheDefaultArrivalInterval_IsNoProblem()
    {
        // A short Interval alone must not refuse the start: an arrival interval as long as Interval or longer is unused.
        Read(("MotionServer:Detection:Interval", "00:00:00.200")).Problems.Should().BeEmpty();
    }
}
