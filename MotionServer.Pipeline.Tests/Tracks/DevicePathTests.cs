using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Tracks;

public class DevicePathTests
{
    [Theory]
    [InlineData("/logs/2025/10/0817_2025-10-12-1102.oao")]
    [InlineData("/logs/with space/x.oao")]
    public void Check_PlainAbsolutePaths_AreAccepted(string path)
    {
        DevicePath.Check(path).Should().BeNull();
    }

    [Theory]
    [InlineData("", "the path is empty")]
    [InlineData("logs/x.oao", "the path is not absolute")]
    [InlineData("http://evil.example/x.oao", "the path has a scheme")]
    [InlineData("//evil.example/x.oao", "the path names a host")]
    [InlineData("/logs/../../etc/passwd.oao", "the path has a '.' or '..' segment")]
    [InlineData("/logs/./x.oao", "the path has a '.' or '..' segment")]
    [InlineData("/logs/x\n.oao", "the path holds control characters")]
    [InlineData("/logs/x\u001b[31m.oao", "the path holds control characters")]
    [InlineData("/logs\\..\\x.oao", "the path holds a backslash")]
    [InlineData("/logs//x.oao", "the path has an empty segment")]
    public void Check_HostilePaths_AreRefusedWithAReason(string path, string reason)
    {
        DevicePath.Check(path).Should().Be(reason);
    }

    [Fact]
    public void ToRequestTarget_EncodesEachSegment()
    {
        DevicePath.ToRequestTarget("/logs/a b/x?y#z.oao").Should().Be("/logs/a%20b/x%3Fy%23z.oao");
    }

    [Theory]
    [InlineData("/logs/x.oao", true)]
    [InlineData("/logs/x.OAO", true)]
    [InlineData("/logs/x.sbp", false)]
    [InlineData("/logs/x.oao.txt", false)]
    public void IsTrack_OnlyOao(string path, bool expected)
    {
        DevicePath.IsTrack(path).Should().Be(expected);
    }
}
