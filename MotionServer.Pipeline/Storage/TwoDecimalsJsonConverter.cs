using System.Text.Json;
using System.Text.Json.Serialization;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Storage;

/// <summary>
/// Writes a figure as the contract's results give it: a number with two decimals (<c>22.60</c>), or <c>null</c>.
/// Reads any JSON number. A value that is not finite is written as <c>null</c> (JSON has no NaN).
/// </summary>
internal sealed class TwoDecimalsJsonConverter : JsonConverter<double?>
{
    public override bool HandleNull => true;

    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            writer.WriteNullValue();
            return;
        }

        // Formatted on the stack: each ledger save and each results rebuild writes thousands of figures at a large
        // event, and a string for each was a good part of the garbage.
        Span<byte> text = stackalloc byte[64];
        if (ResultText.TryWriteFigure(v, text, out int length))
        {
            writer.WriteRawValue(text[..length], skipInputValidation: true);
        }
        else
        {
            writer.WriteRawValue(ResultText.Figure(v, "null"), skipInputValidation: true); // beyond 60 digits: not a speed
        }
    }
}
