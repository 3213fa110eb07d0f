using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotionServer.Host.Results;

/// <summary>
/// Writes a figure as a JSON number with exactly two decimals (<c>22.60</c>, not <c>22.6</c>), or null when there is
/// none or it is not finite: the contract's form, and what a spreadsheet shows without reformatting.
/// </summary>
internal sealed class TwoDecimalsJsonConverter : JsonConverter<double?>
{
    public override bool HandleNull => true;

    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number && double.IsFinite(number))
        {
            writer.WriteRawValue(Format(number), skipInputValidation: true);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>The figure rounded to two decimals, half away from zero, as both the JSON and the table print it.</summary>
    public static string Format(double value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}
