using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Files;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Files;

public sealed class PolledFileTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Writes the file with a time of its own, so a change shows even within the file system's time resolution.</summary>
    private string Write(string content, int secondsLater)
    {
        string path = _folder.Write("file", content);
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(secondsLater));
        return path;
    }

    [Fact]
    public void Poll_NothingAcceptedYet_IsChanged_ThenUnchangedOnceAccepted()
    {
        var file = new PolledFile(Write("a", 0), _time);

        var first = file.Poll();
        first.Change.Should().Be(FileChange.Changed);
        first.Stamp.Should().Be(new FileStamp(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), 1));
        file.Accept(first.Stamp);

        file.Poll().Change.Should().Be(FileChange.Unchanged);
    }

    [Fact]
    public void Poll_FileRewritten_IsChanged()
    {
        var file = new PolledFile(Write("a", 0), _time);
        file.Accept(file.Poll().Stamp);

        Write("bb", 5);

        file.Poll().Should().Be(new FilePoll(FileChange.Changed, new FileStamp(new DateTime(2026, 1, 1, 0, 0, 5, DateTimeKind.Utc), 2)));
    }

    [Fact]
    public void Poll_AChangeNotAccepted_IsChangedAgain_ThoughTheFileStaysTheSame()
    {
        // A read that failed (a file locked by a spreadsheet) is not accepted: the next poll reads again.
        var file = new PolledFile(Write("a", 0), _time);
        file.Accept(file.Poll().Stamp);
        Write("bb", 5);

        file.Poll().Change.Should().Be(FileChange.Changed);

        file.Poll().Change.Should().Be(FileChange.Changed);
    }

    [Fact]
    public void Poll_FileGone_IsChanged_WithNoFile()
    {
        string path = Write("a", 0);
        var file = new PolledFile(path, _time);
        file.Accept(file.Poll().Stamp);

        File.Delete(path);

        var poll = file.Poll();
        poll.Change.Should().Be(FileChange.Changed);
        poll.Stamp.Exists.Should().BeFalse();
        file.Accept(poll.Stamp);
        file.Poll().Change.Should().Be(FileChange.Unchanged);
    }

    [Fact]
    public void Poll_WithinTheRecheckPeriod_DoesNotLook()
    {
        var file = new PolledFile(Write("a", 0), _time, recheckEvery: TimeSpan.FromSeconds(1));
        file.Accept(file.Poll().Stamp);
        Write("bb", 5);

        _time.Advance(TimeSpan.FromMilliseconds(999));
        file.Poll().Change.Should().Be(FileChange.Unchanged, "the file is looked at no more often than the recheck period");

        _time.Advance(TimeSpan.FromMilliseconds(1));
        file.Poll().Change.Should().Be(FileChange.Changed);
    }

    [Fact]
    public void Poll_Settling_SaysAChangeOnlyOnceTheFileStayedTheSameForOnePoll()
    {
        var file = new PolledFile(Write("a", 0), _time, settle: true);
        file.Accept(file.Poll().Stamp);

        Write("", 5); // an editor saving in place: truncated first ...
        file.Poll().Change.Should().Be(FileChange.Unchanged);
        Write("bb", 6); // ... then written
        file.Poll().Change.Should().Be(FileChange.Unchanged, "it changed again since the last poll");

        file.Poll().Change.Should().Be(FileChange.Changed);
    }

    [Fact]
    public void Poll_Settling_ANotAcceptedChange_IsChangedAtEveryPollAfter()
    {
        var file = new PolledFile(Write("a", 0), _time, settle: true);
        file.Accept(file.Poll().Stamp);
        Write("bb", 5);
        file.Poll().Change.Should().Be(FileChange.Unchanged);
        file.Poll().Change.Should().Be(FileChange.Changed);

        file.Poll().Change.Should().Be(FileChange.Changed, "the read failed, and the file has not changed since");
    }

    [Fact]
    public void Poll_ChangedBackToTheAcceptedContent_IsUnchanged()
    {
        var file = new PolledFile(Write("a", 0), _time, settle: true);
        file.Accept(file.Poll().Stamp);
        Write("bb", 5);
        file.Poll().Change.Should().Be(FileChange.Unchanged);

        Write("a", 0);

        file.Poll().Change.Should().Be(FileChange.Unchanged);
        file.Poll().Change.Should().Be(FileChange.Unchanged);
    }
}
