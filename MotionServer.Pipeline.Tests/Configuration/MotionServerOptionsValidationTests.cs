using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using MotionServer.Pipeline.Configuration;

namespace MotionServer.Pipeline.Tests.Configuration;

public class MotionServerOptionsValidationTests
{
    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
        return [.. MotionServerOptionsReader.Read(configuration.GetSection("MotionServer")).Problems.Select(p => p.ToString())];
    }

    /// <summary>
    /// Every numeric or duration setting carries a range: a setting added without one would take any value. The
    /// defaults all lie in their ranges, and in every other rule.
    /// </summary>
    [Fact]
    public void EverySettingOfNumberOrDuration_HasARange_AndTheDefaultsPassEveryCheck()
    {
        var numeric = SettingsSchema.Sections.Values
            .SelectMany(s => s.Properties.Values.Select(p => (Key: $"{s.Name}:{p.Name}", Property: p)))
            .Where(s => (Nullable.GetUnderlyingType(s.Property.PropertyType) ?? s.Property.PropertyType) is var t &&
                        (t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(TimeSpan)))
            .ToList();

        numeric.Where(s => s.Property.GetCustomAttribute<RangeAttribute>() is null).Select(s => s.Key)
            .Should().BeEmpty("every number and duration has a range");
        numeric.Select(s => s.Key).Should().Contain(["Detection:Interval", "Download:Workers", "Limits:MinFreeDiskBytes", "Filters:Min500mBestKnots", "Results:MaximumGap", "Retry:AttemptsBeforeAttention"]);
        MotionServerOptionsValidation.Check(new MotionServerOptions(), "MotionServer").Should().BeEmpty();
    }

    [Fact]
    public void EverySectionOfTheOptions_IsKnownToTheReader()
    {
        var sections = typeof(MotionServerOptions).GetProperties()
            .Where(p => p.PropertyType.Namespace == typeof(MotionServerOptions).Namespace)
            .Select(p => p.Name);

        SettingsSchema.Sections.Keys.Should().BeEquivalentTo(sections);
    }

    [Theory]
    [InlineData("MotionServer:Detection:Interval", "02:00:00", "must be between 00:00:00.010 and 01:00:00")]
    [InlineData("MotionServer:Results:MaximumGap", "01:00:01", "must be between 00:00:00.100 and 01:00:00")]
    [InlineData("MotionServer:Host:ShutdownTimeout", "00:00:00", "must be between 00:00:01 and 00:05:00")]
    [InlineData("MotionServer:Limits:MinFreeDiskBytes", "99999999999999999", "must be between 0 and 1125899906842624")]
    [InlineData("MotionServer:Results:MaximumHdop", "0.1", "must be between 0.5 and 100")]
    [InlineData("MotionServer:Expected:Timezone", "-841", "must be between -840 and 840")]
    [InlineData("MotionServer:Retry:AttemptsBeforeAttention", "0", "must be between 1 and 1000")]
    public void AValueOutOfItsRange_IsSaidWithTheBoundsAsTheSettingsWriteThem(string key, string value, string message)
    {
        Problems((key, value)).Should().ContainSingle().Which.Should().Be($"{key} = \"{value}\": {message}");
    }

    [Fact]
    public void AnEmptyEventDirectory_IsRefused_WithItsKey()
    {
        Problems(("MotionServer:EventDirectory", " ")).Should().ContainSingle()
            .Which.Should().Be("MotionServer:EventDirectory = \" \": must name a folder");
    }

    [Fact]
    public void Check_RefusesANullHostnameTemplate_WithAMessage()
    {
        var options = new MotionServerOptions();
        options.Network.HostnameTemplate = null!;

        MotionServerOptionsReader.Check(options).Problems.Select(p => p.Key)
            .Should().ContainSingle().Which.Should().Be("MotionServer:Network:HostnameTemplate");
    }

    [Fact]
    public void Validate_SaysEveryProblem_AsTheSettingsContractSaysIt()
    {
        var options = new MotionServerOptions();
        options.Download.Workers = 0;
        options.Results.MaximumHdop = 0.1;
        options.Detection.Interval = TimeSpan.FromMilliseconds(1);

        new MotionServerOptionsValidation().Validate(null, options).Failures.Should().Equal(
            "MotionServer:Detection:Interval = \"00:00:00.0010000\": must be between 00:00:00.010 and 01:00:00",
            "MotionServer:Download:Workers = \"0\": must be between 1 and 64",
            "MotionServer:Results:MaximumHdop = \"0.1\": must be between 0.5 and 100");
    }

    [Fact]
    public void Validate_ProblemsFoundWhileReading_ComeFirst()
    {
        var read = new SettingsProblem("MotionServer:Downlaod", null, "unknown setting");

        new MotionServerOptionsValidation([read]).Validate(null, new MotionServerOptions()).Failures
            .Should().Equal("MotionServer:Downlaod: unknown setting");
    }

    [Fact]
    public void Validate_AnotherNamedInstance_IsNotOurs()
    {
        var options = new MotionServerOptions();
        options.Download.Workers = 0;

        new MotionServerOptionsValidation().Validate("other", options).Skipped.Should().BeTrue();
    }
}
