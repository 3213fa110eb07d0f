using System.Text.Json.Serialization;

namespace MotionServer.Pipeline.Results;

/// <summary>Source-generated serialization of <see cref="DayResultsDocument"/>: camelCase names, nulls written, indented, LF line ends.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true,
    NewLine = "\n")] // the same bytes on every system
[JsonSerializable(typeof(DayResultsDocument))]
internal sealed partial class DayResultsJsonContext : JsonSerializerContext;
