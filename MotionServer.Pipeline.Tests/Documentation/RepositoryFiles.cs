namespace MotionServer.Pipeline.Tests.Documentation;

/// <summary>Files of this repository as checked out: the tests run from its build output, somewhere below the root.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder holding MotionServer.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MotionServer.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"MotionServer.sln not found above {AppContext.BaseDirectory}");
    }
}
