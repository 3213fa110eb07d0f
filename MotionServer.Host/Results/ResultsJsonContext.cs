using System.Text.Json.Serialization;

namespace MotionServer.Host.Results;

/// <summary>Source-generated serialization of <c>results --json</c> (the host is published Native AOT: no reflection).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<ResultsRowJson>))]
internal sealed partial class ResultsJsonContext : JsonSerializerContext;
