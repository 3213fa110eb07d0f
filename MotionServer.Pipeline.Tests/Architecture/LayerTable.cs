using System.Text.RegularExpressions;
using MotionServer.Pipeline.Tests.Documentation;

namespace MotionServer.Pipeline.Tests.Architecture;

/// <summary>
/// README.md's layer table ("Layout"), read top-down: each row's name and the folders its second column names, in
/// the order it names them. A name with a slash is a folder (<c>`Graph/`</c>); one without is a type of the root
/// namespace (<c>`IMotionPipeline`</c>), counted as <see cref="CompiledDependencies.Entry"/>. Words in parentheses
/// describe the folder before them (<c>`Tracks/` (… `Verification/` …)</c>) and name no folder of their own.
/// </summary>
internal sealed partial class LayerTable
{
    private LayerTable(IReadOnlyList<Layer> layers) => Layers = layers;

    /// <summary>The rows, top first.</summary>
    public IReadOnlyList<Layer> Layers { get; }

    public static LayerTable FromReadme()
    {
        var lines = File.ReadAllLines(RepositoryFiles.PathOf("README.md"));
        int header = Array.FindIndex(lines, line => line.StartsWith("| layer | folders |", StringComparison.Ordinal));
        if (header < 0)
        {
            throw new InvalidOperationException("README.md has no layer table (a row starting '| layer | folders |')");
        }

        return new LayerTable(lines.Skip(header + 2).TakeWhile(line => line.StartsWith('|')).Select(Parse).ToList());
    }

    /// <summary>The row called <paramref name="name"/>.</summary>
    public Layer Named(string name) => Layers.Single(layer => layer.Name == name);

    /// <summary>The index of the row naming <paramref name="folder"/> (0 at the top), or -1 if no row names it.</summary>
    public int RowOf(string folder)
    {
        for (int row = 0; row < Layers.Count; row++)
        {
            if (Layers[row].Folders.Contains(folder))
            {
                return row;
            }
        }

        return -1;
    }

    private static Layer Parse(string row)
    {
        var cells = row.Split('|');
        var folders = Name().Matches(Described().Replace(cells[2], string.Empty))
            .Select(m => m.Groups["slash"].Success ? m.Groups["name"].Value : CompiledDependencies.Entry)
            .Distinct()
            .ToList();
        return new Layer(cells[1].Trim(), folders);
    }

    [GeneratedRegex(@"`(?<name>\w+)(?<slash>/)?`")]
    private static partial Regex Name();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Described();
}

/// <summary>One row of the layer table: its name and its folders, in the order the row names them.</summary>
internal sealed record Layer(string Name, IReadOnlyList<string> Folders);
