using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotionServer.Pipeline.Storage;

/// <summary>
/// Writes ledger statuses in the contract's lower-case words and reads any word an older ledger may hold:
/// anything unknown (e.g. a "downloading" left by a crash) reads as queued, so it is fetched again.
/// </summary>
internal sealed class LedgerStatusConverter : JsonConverter<LedgerStatus>
{
    public override LedgerStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()?.ToUpperInvariant() switch
            {
                "COMPLETED" => LedgerStatus.Completed,
                "SKIPPED" => LedgerStatus.Skipped,
                "FAILED" => LedgerStatus.Failed,
                _ => LedgerStatus.Queued,
            }
            : LedgerStatus.Queued;

    public override void Write(Utf8JsonWriter writer, LedgerStatus value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value switch
        {
            LedgerStatus.Completed => "completed",
            LedgerStatus.Skipped => "skipped",
            LedgerStatus.Failed => "failed",
            _ => "queued",
        });
}
