using System.Text.RegularExpressions;
using MotionServer.Pipeline.Tests.Documentation;

namespace MotionServer.Pipeline.Tests.Architecture;

/// <summary>
/// The library reads top-down (README.md, "Layout"): <c>Graph/</c> wires the stages; each stage depends only on
/// the shared stage vocabulary (<c>Stages/</c>), the device's wire (<c>Devices/</c>) and the foundations below them,
/// never on a sibling stage nor on the graph that builds it.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string[] StageFolders = ["Detection", "Inspection", "Download", "Disconnection", "Results"];

    public static TheoryData<string> Stages => new(StageFolders);

    [Theory]
    [MemberData(nameof(Stages))]
    public void A_stage_imports_no_sibling_stage_and_not_the_graph(string stage)
    {
        var forbidden = StageFolders.Where(s => s != stage).Append("Graph").Append("DependencyInjection").ToHashSet();

        ReferencesFrom(stage).Where(r => forbidden.Contains(r.Folder))
            .Should().BeEmpty($"{stage}/ may use Stages/, Devices/ and the foundations, but no other stage and not Graph/");
    }

    [Theory]
    [InlineData("Stages")]
    [InlineData("Devices")]
    public void The_shared_layers_import_no_stage_and_not_the_graph(string shared)
    {
        var forbidden = StageFolders.Append("Graph").Append("DependencyInjection").ToHashSet();

        ReferencesFrom(shared).Where(r => forbidden.Contains(r.Folder))
            .Should().BeEmpty($"{shared}/ sits below the stages");
    }

    [Fact]
    public void The_check_sees_a_reference_when_there_is_one()
    {
        // The graph knows every stage: if this found nothing, the checks above could not fail either.
        ReferencesFrom("Graph").Select(r => r.Folder).Should().Contain(StageFolders);
    }

    [Fact]
    public void The_README_layer_table_names_every_folder_of_the_library_and_no_other()
    {
        var lines = File.ReadAllLines(RepositoryFiles.PathOf("README.md"));
        int header = Array.FindIndex(lines, line => line.StartsWith("| layer | folders |", StringComparison.Ordinal));
        header.Should().BeGreaterThan(0, "README.md has the library's layer table");
        var named = lines.Skip(header + 2).TakeWhile(line => line.StartsWith('|'))
            .SelectMany(row => FolderName().Matches(row.Split('|')[2]).Select(m => m.Groups[1].Value))
            .Except(["Verification"]) // Tracks/Verification/, named beside Tracks/
            .ToHashSet();
        var folders = Directory.EnumerateDirectories(RepositoryFiles.PathOf("MotionServer.Pipeline"))
            .Select(path => Path.GetFileName(path)!)
            .Where(name => name is not ("bin" or "obj"))
            .ToHashSet();

        named.Should().BeEquivalentTo(folders, "README.md's layer table names every folder of the library, and only those");
    }

    /// <summary>What the compiled types of <paramref name="folder"/> use of other folders (<see cref="CompiledDependencies"/>).</summary>
    private static IEnumerable<(string File, string Folder)> ReferencesFrom(string folder) =>
        CompiledDependencies.Of.Where(d => d.From == folder).Select(d => (File: $"{d.FromType} uses {d.ToType}", Folder: d.To)).Distinct();

    [GeneratedRegex(@"`(\w+)/`")]
    private static partial Regex FolderName();
}
