using MotionServer.Pipeline.Logging;

namespace MotionServer.Pipeline.Tests.Logging;

public class LogTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("a\r\nb", "a\\r\\nb")]
    [InlineData("\u001b[31mred", "\\u001b[31mred")]
    [InlineData("line\u2028sep", "line\\u2028sep")]
    public void Escape_ControlCharacters_NeverBreakTheLine(string text, string expected)
    {
        LogText.Escape(text).Should().Be(expected);
    }

    [Fact]
    public void Escape_VeryLongText_IsCut()
    {
        LogText.Escape(new string('x', 1000)).Should().HaveLength(LogText.MaxLength + 1).And.EndWith("…");
    }
}
