using System.Text;
using System.Text.Json;
using FluentAssertions;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Tests.Storage;

/// <summary>The files' figures: written on the stack, yet the same text as every other place a figure is written.</summary>
public sealed class TwoDecimalsJsonConverterTests
{
    private static string Written(double? value)
    {
        var converter = new TwoDecimalsJsonConverter();
        using var bytes = new MemoryStream();
        using (var writer = new Utf8JsonWriter(bytes))
        {
            converter.Write(writer, value, JsonSerializerOptions.Default);
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [Theory]
    [InlineData(22.6, "22.60")]
    [InlineData(22.605, "22.61")] // half away from zero
    [InlineData(0.0, "0.00")]
    [InlineData(12345678.004, "12345678.00")]
    public void Write_TwoDecimals(double value, string expected) => Written(value).Should().Be(expected);

    [Theory]
    [InlineData(-0.004)]
    [InlineData(1e30)]
    [InlineData(1e100)] // longer than the stack's 64 bytes: the string's way, same text
    [InlineData(double.Epsilon)]
    public void Write_IsTheTextOfResultTextFigure(double value) => Written(value).Should().Be(ResultText.Figure(value, "null"));

    [Theory]
    [InlineData(null)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Write_NoFigure_IsNull(double? value) => Written(value).Should().Be("null");
}
