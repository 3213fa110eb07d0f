using System.Reflection;
using Microsoft.Extensions.Configuration;
using MotionServer.Pipeline.Configuration;

namespace MotionServer.Pipeline.Tests.Configuration;

public class SettingRangeAttributeTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void WholeNumbers_AreAllowedWithinTheBoundsInclusive(int value, bool allowed)
    {
        new SettingRangeAttribute(1, 64).Allows(value).Should().Be(allowed);
    }

    [Fact]
    public void Longs_BeyondTheRangeOfAnInt_AreCompared()
    {
        var range = new SettingRangeAttribute(0L, 1L << 50);

        range.Allows(1L << 50).Should().BeTrue();
        range.Allows((1L << 50) + 1).Should().BeFalse();
        range.Maximum.Should().Be("1125899906842624", "a bound reads as a whole number, not as 1.1E+15");
    }

    [Theory]
    [InlineData(-0.1, false)]
    [InlineData(0.0, true)]
    [InlineData(100.0, true)]
    [InlineData(100.5, false)]
    public void Numbers_AreAllowedWithinTheBoundsInclusive(double value, bool allowed)
    {
        new SettingRangeAttribute(0.0, 100.0).Allows(value).Should().Be(allowed);
    }

    [Fact]
    public void Durations_AreReadAsHoursMinutesSeconds_AndKeepTheirWordsForMessages()
    {
        var range = new SettingRangeAttribute("00:00:00.010", "01:00:00");

        range.Allows(TimeSpan.FromMilliseconds(10)).Should().BeTrue();
        range.Allows(TimeSpan.FromMilliseconds(9)).Should().BeFalse();
        range.Allows(TimeSpan.FromHours(1)).Should().BeTrue();
        range.Allows(TimeSpan.FromHours(1) + TimeSpan.FromTicks(1)).Should().BeFalse();
        range.Minimum.Should().Be("00:00:00.010");
        range.Maximum.Should().Be("01:00:00");
    }

    [Fact]
    public void AValueOfAnotherKind_IsNeverAllowed()
    {
        new SettingRangeAttribute(1, 64).Allows(TimeSpan.FromSeconds(2)).Should().BeFalse();
        new SettingRangeAttribute("00:00:01", "00:01:00").Allows(5).Should().BeFalse();
        new SettingRangeAttribute(1, 64).Allows(null).Should().BeFalse();
    }

    /// <summary>
    /// Every numeric or duration setting carries a range, and of its own kind: a setting added without one would take
    /// any value, and a range of the wrong kind would refuse every value.
    /// </summary>
    [Fact]
    public void EverySettingOfNumberOrDuration_HasARangeOfItsOwnKind_ThatItsDefaultLiesIn()
    {
        var options = new MotionServerOptions();
        var sections = typeof(MotionServerOptions).GetProperties()
            .Where(p => typeof(ISettingsSection).IsAssignableFrom(p.PropertyType))
            .Select(p => (Name: p.Name, Section: p.GetValue(options)!))
            .ToList();
        sections.Should().HaveCountGreaterThan(10);

        var checkedSettings = new List<string>();
        foreach (var (name, section) in sections)
        {
            foreach (var property in section.GetType().GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (type != typeof(int) && type != typeof(long) && type != typeof(double) && type != typeof(TimeSpan))
                {
                    continue;
                }

                string key = $"{name}:{property.Name}";
                var range = property.GetCustomAttribute<SettingRangeAttribute>();
                range.Should().NotBeNull($"{key} is a {type.Name} setting");
                if (property.GetValue(section) is { } defaultValue)
                {
                    range!.Allows(defaultValue).Should().BeTrue($"the default of {key} ({defaultValue}) must lie in its range");
                }

                checkedSettings.Add(key);
            }
        }

        checkedSettings.Should().Contain(["Detection:Interval", "Download:Workers", "Limits:MinFreeDiskBytes", "Filters:Min500mBestKnots", "Results:MaximumGap", "Results:MinimumSatellites", "Results:MaximumHdop"]);
    }

    [Fact]
    public void TheReader_ReportsALongBoundAsAWholeNumber()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("MotionServer:Limits:MinFreeDiskBytes", "99999999999999999")])
            .Build();

        MotionServerOptionsReader.Read(configuration.GetSection("MotionServer")).Problems.Select(p => p.ToString())
            .Should().ContainSingle().Which.Should().Be("MotionServer:Limits:MinFreeDiskBytes = \"99999999999999999\": must be between 0 and 1125899906842624");
    }

    [Fact]
    public void Check_RefusesANullHostnameTemplate_WithAMessage()
    {
        var options = new MotionServerOptions();
        options.Network.HostnameTemplate = null!;

        MotionServerOptionsReader.Check(options).Problems.Select(p => p.Key)
            .Should().ContainSingle().Which.Should().Be("MotionServer:Network:HostnameTemplate");
    }
}
