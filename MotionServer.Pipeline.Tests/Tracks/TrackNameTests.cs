using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Tracks;

public class TrackNameTests
{
    [Fact]
    public void Create_FromContractExample_GivesTheContractName()
    {
        // 1760263329000 ms = 2025-10-12 10:02:09 UTC; the device's time zone is +60 minutes.
        var localStart = TrackName.LocalStartOf(1760263329000, 60);
        var name = TrackName.Create("ABC817XYZ", 817, localStart);

        name.FileName.Should().Be("ABC817XYZ_817_20251012_110209.oao");
        name.DateFolder.Should().Be("20251012");
    }

    [Fact]
    public void LocalStartOf_CrossingMidnight_MovesTheDate()
    {
        // 23:30 UTC plus 60 minutes is 00:30 the next local day: the track belongs to that day's roster row.
        long start = new DateTimeOffset(2025, 10, 12, 23, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

        TrackName.LocalStartOf(start, 60).Should().Be(new DateTime(2025, 10, 13, 0, 30, 0));
        TrackName.LocalStartOf(start, -120).Should().Be(new DateTime(2025, 10, 12, 21, 30, 0));
    }

    [Fact]
    public void Create_TruncatesToTheSecond()
    {
        var name = TrackName.Create("A", 1, new DateTime(2025, 10, 12, 11, 2, 9, 999));

        name.FileName.Should().Be("A_1_20251012_110209.oao");
    }

    [Theory]
    [InlineData("ABC817XYZ_817_20251012_110209.oao", "ABC817XYZ", 817)]
    [InlineData("A_B-C_5_20251012_000000.oao", "A_B-C", 5)]
    public void TryParse_ContractNames_RoundTrip(string fileName, string fileId, int id)
    {
        TrackName.TryParse(fileName, out var name).Should().BeTrue();
        name!.FileId.Should().Be(fileId);
        name.DeviceId.Should().Be(id);
        name.FileName.Should().Be(fileName);
    }

    [Theory]
    [InlineData("0817_2025-10-12-1102.oao")]
    [InlineData("ABC_817_20251012_110209.oao.partial")]
    [InlineData("../ABC_817_20251012_110209.oao")]
    [InlineData("ABC_817_20251399_110209.oao")]
    public void TryParse_OtherNames_AreRefused(string fileName)
    {
        TrackName.TryParse(fileName, out _).Should().BeFalse();
    }
}

public class TrackNameAtTheEdgeTests
{
    [Theory]
    [InlineData(long.MaxValue, 0)]
    [InlineData(long.MinValue, 0)]
    [InlineData(0, int.MinValue)]
    [InlineData(long.MaxValue, int.MinValue)]
    [InlineData(long.MaxValue, int.MaxValue)]
    [InlineData(253402300799999, 1)]
    public void LocalStartOf_ValuesBeyondADate_NeverThrow(long startDate, int timezone)
    {
        var act = () => TrackName.Create("A", 1, TrackName.LocalStartOf(startDate, timezone));

        act.Should().NotThrow();
        TrackName.TryLocalStartOf(startDate, timezone, out _).Should().BeFalse();
    }
}

public class TrackNameSameSecondTests
{
    [Fact]
    public void ForSameSecond_IsStable_Distinct_AndReadBack()
    {
        var plain = TrackName.Create("ABC817XYZ", 817, new DateTime(2025, 10, 12, 11, 2, 9));

        var a = plain.ForSameSecond("/logs/a.oao");
        var b = plain.ForSameSecond("/logs/b.oao");

        a.FileName.Should().Be(plain.ForSameSecond("/logs/a.oao").FileName).And.NotBe(b.FileName).And.NotBe(plain.FileName);
        a.FileName.Should().MatchRegex(@"^ABC817XYZ_817_20251012_110209_[0-9a-f]{8}\.oao$");
        a.DateFolder.Should().Be("20251012");
        TrackName.TryParse(a.FileName, out var parsed).Should().BeTrue();
        parsed!.FileName.Should().Be(a.FileName);
        parsed.LocalStart.Should().Be(plain.LocalStart);
        TrackName.TryParse(plain.FileName, out var plainParsed).Should().BeTrue();
        plainParsed!.Variant.Should().BeNull();
    }
}
