using System.Text.Json.Serialization;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// Source-generated serialization of <see cref="StatusDocument"/>: camelCase names, nulls written (but for the added
/// device fields that say so), not indented: the indentation was a third of a file written every 5 s.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(StatusDocument))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
