using System.Text.RegularExpressions;

namespace MotionServer.Pipeline.Tests.Documentation;

/// <summary>
/// The documents a user reads resolve inside the repository (issue 11): a clone holds everything README.md and
/// docs/ link to, and the package README, shown on a package page, has no relative link at all.
/// </summary>
public sealed partial class DocumentLinksTests
{
    public static TheoryData<string> Documents()
    {
        var documents = new TheoryData<string> { "README.md", "RELIABILITY.md", "MotionServer.Pipeline/Dashboard/Templates/README.md", "samples/README.md" };
        foreach (string file in Directory.GetFiles(RepositoryFiles.PathOf("docs"), "*.md").Order(StringComparer.Ordinal))
        {
            documents.Add(Path.GetRelativePath(RepositoryFiles.Root, file).Replace('\\', '/'));
        }

        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_EveryRelativeLink_ResolvesInsideTheRepository(string document)
    {
        string folder = Path.GetDirectoryName(RepositoryFiles.PathOf(document))!;
        var broken = new List<string>();
        foreach (string target in RelativeLinks(RepositoryFiles.Read(document)))
        {
            string path = Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(target.Split('#')[0])));
            bool inside = path.StartsWith(RepositoryFiles.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path == RepositoryFiles.Root;
            if (!inside || !(File.Exists(path) || Directory.Exists(path)))
            {
                broken.Add(target);
            }
        }

        broken.Should().BeEmpty($"every relative link of {document} names a file or folder of this repository");
    }

    [Fact]
    public void Documentation_HasLinks_SoTheCheckAboveChecksSomething()
    {
        RelativeLinks(RepositoryFiles.Read("README.md")).Should().Contain("docs/README.md");
        RelativeLinks(RepositoryFiles.Read("docs/README.md")).Should().Contain("service.md");
    }

    [Fact]
    public void PackageReadme_HasOnlyAbsoluteLinks()
    {
        RelativeLinks(RepositoryFiles.Read("MotionServer.Pipeline/README.md")).Should().BeEmpty("a package page cannot follow a link relative to the repository");
    }

    /// <summary>Targets of Markdown links outside fenced code that are neither absolute URLs nor anchors in the same page.</summary>
    private static IEnumerable<string> RelativeLinks(string markdown) =>
        Link().Matches(FencedCode().Replace(markdown, ""))
            .Select(m => m.Groups["target"].Value)
            .Where(t => !t.StartsWith('#') && !Uri.TryCreate(t, UriKind.Absolute, out _));

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();
}
