using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace MotionServer.Host.Dashboard;

/// <summary>
/// The dashboards folder as the static-file middleware sees it: a <see cref="PhysicalFileProvider"/> (which already
/// hides dotfiles, hidden and system files) narrowed to what <see cref="DashboardFileRequest"/> allows, with no
/// directory listing and no change tokens (the middleware never caches, so nothing needs watching). A file is opened
/// when it is looked up, so its length, time (hence ETag) and bytes all come from the same file even when the dashboard
/// replaces it meanwhile; the open file is closed with the request.
/// </summary>
internal sealed class DashboardFileProvider : IFileProvider, IDisposable
{
    private readonly string _root;
    private readonly PhysicalFileProvider _physical;
    private readonly IHttpContextAccessor _requests;

    /// <summary>Serves <paramref name="root"/>, which need not exist yet (the first dashboard tick creates it).</summary>
    public DashboardFileProvider(string root, IHttpContextAccessor requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        _requests = requests;
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root); // PhysicalFileProvider refuses a folder that does not exist
        _physical = new PhysicalFileProvider(_root, ExclusionFilters.Sensitive);
    }

    public IFileInfo GetFileInfo(string subpath)
    {
        if (!DashboardFileRequest.TryResolve(_root, subpath, out string fullPath))
        {
            return new NotFoundFileInfo(subpath);
        }

        var file = _physical.GetFileInfo(Path.GetFileName(fullPath));
        if (!file.Exists)
        {
            return file;
        }

        FileStream stream;
        try
        {
            // FileShare.Delete: on Windows the dashboard's atomic rename must not be refused while a phone reads.
            stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            return new NotFoundFileInfo(subpath);
        }

        _requests.HttpContext?.Response.RegisterForDispose(stream);
        return new OpenedFileInfo(stream, file.Name, File.GetLastWriteTimeUtc(stream.SafeFileHandle));
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public void Dispose() => _physical.Dispose();

    /// <summary>
    /// A file already open. No physical path is given out, so the middleware reads through
    /// <see cref="CreateReadStream"/> rather than opening the file (perhaps a newer one) its own way.
    /// </summary>
    private sealed class OpenedFileInfo(FileStream stream, string name, DateTime lastWriteUtc) : IFileInfo
    {
        public bool Exists => true;

        public long Length { get; } = stream.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => new(lastWriteUtc, TimeSpan.Zero);

        public bool IsDirectory => false;

        public Stream CreateReadStream() => stream;
    }
}
