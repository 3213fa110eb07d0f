using MotionServer.Pipeline.Dashboard;
using static MotionServer.Pipeline.Tests.Dashboard.DashboardSamples;

namespace MotionServer.Pipeline.Tests.Dashboard;

public sealed class LocalClockTests
{
    private static readonly LocalClock Clock = new(Zone, Now);

    [Fact]
    public void Format_Today_ShowsLocalTimeOnly()
    {
        Clock.Format(Now.AddMinutes(-3)).Should().Be("17:45:21");
    }

    [Fact]
    public void Format_OtherDay_ShowsDate()
    {
        Clock.Format(Now.AddHours(-20)).Should().Be("2025-10-11 21:48");
    }

    [Fact]
    public void Format_Null_ShowsDash()
    {
        Clock.Format(null).Should().Be("—");
        Clock.Ago(null).Should().BeEmpty();
    }

    [Theory]
    [InlineData(-5, "just now")]
    [InlineData(0, "just now")]
    [InlineData(9, "just now")]
    [InlineData(42, "42 s ago")]
    [InlineData(180, "3 min ago")]
    [InlineData(3600, "1 h ago")]
    [InlineData(3 * 3600 + 25 * 60, "3 h 25 min ago")]
    [InlineData(86400, "1 day ago")]
    [InlineData(3 * 86400 + 100, "3 days ago")]
    public void Ago_Elapsed_InWords(int seconds, string expected)
    {
        Clock.Ago(Now.AddSeconds(-seconds)).Should().Be(expected);
    }

    [Fact]
    public void OffsetText_Zone_ShowsUtcOffset()
    {
        Clock.OffsetText.Should().Be("UTC+02:00");
        new LocalClock(TimeZoneInfo.CreateCustomTimeZone("m", TimeSpan.FromHours(-3.5), "m", "m"), Now).OffsetText.Should().Be("UTC-03:30");
        Clock.NowText.Should().Be("2025-10-12 17:48:21");
    }
}
