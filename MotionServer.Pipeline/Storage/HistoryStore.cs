using System.Text.Json;
using System.Text.Json.Serialization;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Storage;

/// <summary>
/// Keeps <c>motions/history.json</c>: the history list (most recent connection first) and each device's last
/// seen / last completed times, so that after a restart the staff can still tell "done earlier today" from
/// "not come in yet". Saves are serialized so an older state can never overwrite a newer one.
/// </summary>
internal sealed class HistoryStore(EventFolder folder)
{
    private readonly Lock _gate = new();

    /// <summary>Reads the history kept by an earlier run; a file that is not valid JSON is started afresh.</summary>
    /// <exception cref="EventFolderUnreadableException">The file is there but cannot be read: named, with what to do.</exception>
    public HistoryRecord Load()
    {
        try
        {
            if (!File.Exists(folder.HistoryFile))
            {
                return HistoryRecord.Empty;
            }

            var file = JsonSerializer.Deserialize(Utf8Bom.Skip(ReadForStart(folder.HistoryFile)), StorageJsonContext.Default.HistoryFile);
            if (file is null)
            {
                return HistoryRecord.Empty;
            }

            var devices = new Dictionary<int, DeviceTimes>();
            foreach (var (key, times) in file.Devices ?? [])
            {
                if (int.TryParse(key, System.Globalization.CultureInfo.InvariantCulture, out int id) && times is not null)
                {
                    devices[id] = new DeviceTimes(times.LastSeen, times.LastCompleted);
                }
            }

            return new HistoryRecord(file.History ?? [], devices);
        }
        catch (JsonException)
        {
            return HistoryRecord.Empty; // only ordering and times are lost; tracks and ledgers are untouched
        }
    }

    private static byte[] ReadForStart(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EventFolderUnreadableException(
                $"{path} cannot be read: {e.Message} - give the server read and write access to it (or move it out of the event folder) and start again",
                e);
        }
    }

    public void Save(Func<HistoryRecord> export)
    {
        lock (_gate)
        {
            var record = export();
            var file = new HistoryFile
            {
                History = [.. record.History],
                Devices = record.Devices.ToDictionary(
                    d => d.Key.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    d => (TimesFile?)new TimesFile { LastSeen = d.Value.LastSeen, LastCompleted = d.Value.LastCompleted }),
            };
            Directory.CreateDirectory(folder.MotionsDirectory);
            AtomicFile.WriteAllBytes(folder.HistoryFile, JsonSerializer.SerializeToUtf8Bytes(file, StorageJsonContext.Default.HistoryFile));
        }
    }

    /// <summary>The shape of history.json.</summary>
    internal sealed class HistoryFile
    {
        [JsonPropertyName("history")]
        public List<int>? History { get; set; }

        [JsonPropertyName("devices")]
        public Dictionary<string, TimesFile?>? Devices { get; set; }
    }

    /// <summary>One device's times in history.json.</summary>
    internal sealed class TimesFile
    {
        [JsonPropertyName("lastSeen")]
        public DateTimeOffset? LastSeen { get; set; }

        [JsonPropertyName("lastCompleted")]
        public DateTimeOffset? LastCompleted { get; set; }
    }
}
