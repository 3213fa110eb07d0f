using System.Text.Json.Serialization;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>Source-generated serialization of <see cref="StatusDocument"/>: camelCase names, nulls written, indented.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(StatusDocument))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
