using MotionServer.Pipeline.Tests.Documentation;

namespace MotionServer.Pipeline.Tests.Architecture;

/// <summary>
/// The library reads top-down, as README.md's layer table ("Layout") says, checked against what the compiler emitted
/// (<see cref="CompiledDependencies"/>): every use goes to the user's own row or a row below; a stage never uses a
/// sibling stage; inside the foundations, each folder uses only those the row names after it.
/// </summary>
public sealed class LayeringTests
{
    private const string StagesRow = "stages";
    private const string FoundationsRow = "foundations";

    private static readonly LayerTable Table = LayerTable.FromReadme();

    public static TheoryData<string> Stages => new(Table.Named(StagesRow).Folders);

    [Fact]
    public void Every_compiled_use_goes_to_the_same_row_of_the_README_table_or_a_row_below()
    {
        var upward = CompiledDependencies.Of
            .Where(d => Table.RowOf(d.From) < 0 || Table.RowOf(d.To) < Table.RowOf(d.From))
            .Select(d => $"{d} ({RowName(d.From)} -> {RowName(d.To)})");

        upward.Should().BeEmpty("a layer uses its own row and the rows below it, never a row above (README.md, \"Layout\")");
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void A_stage_uses_no_sibling_stage(string stage)
    {
        var siblings = Table.Named(StagesRow).Folders.Where(s => s != stage).ToHashSet();

        CompiledDependencies.Of.Where(d => d.From == stage && siblings.Contains(d.To)).Select(d => d.ToString())
            .Should().BeEmpty($"{stage}/ may use Stages/, Devices/ and the foundations, but no other stage");
    }

    [Fact]
    public void A_foundation_uses_only_the_foundations_the_README_names_after_it()
    {
        var order = Table.Named(FoundationsRow).Folders.ToList();

        CompiledDependencies.Of.Where(d => order.Contains(d.From) && order.Contains(d.To))
            .Where(d => order.IndexOf(d.To) < order.IndexOf(d.From))
            .Select(d => d.ToString())
            .Should().BeEmpty($"the foundations read top-down in the order README.md names them: {string.Join(", ", order)}");
    }

    [Fact]
    public void The_check_sees_a_reference_when_there_is_one()
    {
        // The graph knows every stage, and the fleet's state its roster: if these were not found, the checks above
        // could not fail either.
        CompiledDependencies.Of.Where(d => d.From == "Graph").Select(d => d.To).Should().Contain(Table.Named(StagesRow).Folders);
        CompiledDependencies.Of.Should().Contain(d => d.From == "State" && d.To == "Roster");
    }

    [Fact]
    public void The_README_layer_table_names_every_folder_of_the_library_and_no_other()
    {
        var named = Table.Layers.SelectMany(layer => layer.Folders).Where(f => f != CompiledDependencies.Entry).ToList();
        var folders = Directory.EnumerateDirectories(RepositoryFiles.PathOf("MotionServer.Pipeline"))
            .Select(path => Path.GetFileName(path)!)
            .Where(name => name is not ("bin" or "obj"));

        named.Should().OnlyHaveUniqueItems("a folder sits in one row")
            .And.BeEquivalentTo(folders, "README.md's layer table names every folder of the library, and only those");
    }

    private static string RowName(string folder) => Table.RowOf(folder) is >= 0 and var row ? Table.Layers[row].Name : "no row";
}
