using System.Text.Json;
using System.Text.RegularExpressions;
using MotionServer.Emulator.Devices;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Reliability.Support;

/// <summary>Checks of a whole event folder after a run: the files, the ledgers, and nothing anywhere else.</summary>
internal static partial class EventFolderScan
{
    private static readonly EnumerationOptions Everything = new() { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };

    /// <summary>Every file below <paramref name="root"/>, hidden ones included, relative with forward slashes.</summary>
    public static IReadOnlyList<string> AllFiles(string root) =>
        Directory.Exists(root)
            ? [.. Directory.GetFiles(root, "*", Everything).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The track files at final names below gpslogs/ (name → full path).</summary>
    public static IReadOnlyDictionary<string, string> TrackFiles(EventFolder folder) =>
        AllFiles(folder.TracksDirectory)
            .Where(f => f.EndsWith(".oao", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith('.'))
            .ToDictionary(f => Path.GetFileName(f), f => Path.Combine(folder.TracksDirectory, f), StringComparer.Ordinal);

    /// <summary>No partial track and no temporary JSON/HTML file anywhere in the event folder.</summary>
    public static void ShouldHaveNoTemporaryFiles(string eventDirectory) =>
        AllFiles(eventDirectory).Where(f => f.EndsWith(EventFolder.PartialSuffix, StringComparison.Ordinal) || f.EndsWith(EventFolder.TemporarySuffix, StringComparison.Ordinal))
            .Should().BeEmpty("a finished run leaves no partial or temporary file");

    /// <summary>
    /// gpslogs/ holds exactly the expected tracks, each once, in its date folder, byte-identical to the device's copy,
    /// and nothing else.
    /// </summary>
    public static void ShouldHoldExactly(EventFolder folder, IReadOnlyDictionary<string, EmulatedTrack> expected)
    {
        var files = AllFiles(folder.TracksDirectory);
        files.Select(Path.GetFileName).Should().OnlyHaveUniqueItems("every track is present exactly once");
        files.Select(Path.GetFileName).Should().BeEquivalentTo(expected.Keys, "gpslogs/ holds the eligible tracks and nothing else");
        foreach (var (name, track) in expected)
        {
            TrackName.TryParse(name, out var parsed).Should().BeTrue();
            string path = folder.TrackFile(parsed!);
            File.Exists(path).Should().BeTrue($"{name} is at its contract name");
            File.ReadAllBytes(path).AsSpan().SequenceEqual(track.Content.Span).Should().BeTrue($"{name} is byte-identical to the device's copy");
        }
    }

    /// <summary>
    /// Every ledger agrees with the files: a completed entry's file exists with the entry's size; every track file has a
    /// completed entry with its size; no entry holds a status outside the contract's words.
    /// </summary>
    public static void LedgersShouldMatchFiles(EventFolder folder)
    {
        var completed = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var ledgerPath in Directory.Exists(folder.MotionsDirectory) ? Directory.GetFiles(folder.MotionsDirectory, "downloads.json", Everything) : [])
        {
            using var ledger = JsonDocument.Parse(File.ReadAllBytes(ledgerPath));
            foreach (var entry in ledger.RootElement.EnumerateObject())
            {
                string status = entry.Value.GetProperty("status").GetString()!;
                status.Should().BeOneOf("queued", "skipped", "failed", "completed");
                entry.Value.GetProperty("local_file").GetString().Should().EndWith(entry.Name);
                if (status == "completed")
                {
                    completed[entry.Name] = entry.Value.GetProperty("size").GetInt64();
                }
            }
        }

        var files = TrackFiles(folder);
        foreach (var (name, size) in completed)
        {
            files.Should().ContainKey(name, $"the ledger says {name} is completed");
            new FileInfo(files[name]).Length.Should().Be(size, $"{name}'s length is the size its ledger entry records");
        }

        files.Keys.Should().BeSubsetOf(completed.Keys, "every track file is recorded as completed in its device's ledger");
    }

    /// <summary>Nothing outside the layout of docs/event-folder.md, and nothing beside the event folder in its parent.</summary>
    /// <remarks>
    /// Called while the server runs: a JSON file being replaced at that moment has its hidden temporary beside it
    /// (<c>.history.json.&lt;guid&gt;.tmp</c>), which is the layout too; <see cref="ShouldHaveNoTemporaryFiles"/> after the
    /// stop is what says none is left behind.
    /// </remarks>
    public static void NothingOutsideTheLayout(string eventDirectory, params string[] allowedInParent)
    {
        AllFiles(eventDirectory).Where(f => !KnownFile().IsMatch(f)).Should().BeEmpty("the server writes only the contract's files");
        string parent = Path.GetDirectoryName(Path.GetFullPath(eventDirectory).TrimEnd(Path.DirectorySeparatorChar))!;
        var besides = Directory.GetFileSystemEntries(parent).Select(Path.GetFileName)
            .Where(n => n != Path.GetFileName(eventDirectory.TrimEnd(Path.DirectorySeparatorChar)) && !allowedInParent.Contains(n));
        besides.Should().BeEmpty("nothing is written beside the event folder");
    }

    [GeneratedRegex("""
        ^(config/.*
        |motions/history\.json
        |motions/motion-[0-9]+/(info|settings|logs|downloads)\.json
        |gpslogs/[0-9]{8}/F[0-9]+_[0-9]+_[0-9]{8}_[0-9]{6}\.oao
        |logs/server\.log
        |dashboards/.+
        |results/[0-9]{8}\.(csv|json)
        |motion-server\.lock(\.info)?
        |(motions|motions/motion-[0-9]+|results)/\.[^/]+\.[0-9a-f]{32}\.tmp)$
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex KnownFile();
}
