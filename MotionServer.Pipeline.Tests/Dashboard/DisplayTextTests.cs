using MotionServer.Pipeline.Dashboard;

namespace MotionServer.Pipeline.Tests.Dashboard;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain <text> & \"quotes\"", "plain <text> & \"quotes\"")]
    [InlineData("bell\u0007", "bell\\x07")]
    [InlineData("line\r\nbreak", "line\\x0D\\x0Abreak")]
    [InlineData("nul\u0000", "nul\\x00")]
    [InlineData("rtl\u202Eoverride", "rtl\\u202Eoverride")]
    [InlineData("c1\u0085", "c1\\x85")]
    [InlineData("Jürgen ⛵", "Jürgen ⛵")]
    public void Clean_Text_EscapesHiddenCharacters(string? input, string expected)
    {
        DisplayText.Clean(input).Should().Be(expected);
    }

    [Fact]
    public void Clean_LongText_CutWithEllipsis()
    {
        DisplayText.Clean(new string('a', 500), 10).Should().Be("aaaaaaaaaa…");
    }

    [Fact]
    public void OrUnknown_Null_ReturnsDash()
    {
        DisplayText.OrUnknown(null).Should().Be("—");
        DisplayText.OrUnknown("x").Should().Be("x");
    }
}
