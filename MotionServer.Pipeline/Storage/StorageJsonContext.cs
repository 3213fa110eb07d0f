using System.Text.Json.Serialization;

namespace MotionServer.Pipeline.Storage;

/// <summary>
/// Source-generated serialization of the event folder's own files (<c>downloads.json</c>, <c>history.json</c>):
/// property names as the attributes give them, indented. Generated rather than reflected so that the host can be
/// published as Native AOT (no serializer code is made at run time) and the files' shape is fixed at build time.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, LedgerEntry>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, LedgerEntry>))]
[JsonSerializable(typeof(HistoryStore.HistoryFile))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
