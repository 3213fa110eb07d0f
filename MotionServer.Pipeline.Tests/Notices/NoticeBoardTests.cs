using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Notices;

public sealed class NoticeBoardTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 10, 12, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _log = new();
    private readonly NoticeBoard _board;

    public NoticeBoardTests()
    {
        _board = new NoticeBoard(_time, _log.CreateLogger("test"));
    }

    public void Dispose() => _log.Dispose();

    [Fact]
    public void Raise_New_ListedAndLoggedOnceAtItsSeverity()
    {
        _board.Raise(NoticeCodes.DiskSpaceLow, NoticeSeverity.Error, "Disk nearly full");
        _board.Raise(NoticeCodes.CatchAllAddress, NoticeSeverity.Warning, "Router answers 10.10.10.10");

        _board.Current.Should().Equal(
            new Notice(NoticeCodes.DiskSpaceLow, NoticeSeverity.Error, "Disk nearly full", _time.GetUtcNow()),
            new Notice(NoticeCodes.CatchAllAddress, NoticeSeverity.Warning, "Router answers 10.10.10.10", _time.GetUtcNow()));
        _log.Lines.Should().Equal(
            new CapturingLoggerProvider.LogLine(LogLevel.Error, "Disk nearly full"),
            new CapturingLoggerProvider.LogLine(LogLevel.Warning, "Router answers 10.10.10.10"));
    }

    [Fact]
    public void Raise_AlreadyRaised_UpdatesTheTextKeepsSinceAndDoesNotLogAgain()
    {
        var since = _time.GetUtcNow();
        _board.Raise(NoticeCodes.DiskSpaceLow, NoticeSeverity.Error, "120 MiB free");
        _time.Advance(TimeSpan.FromMinutes(1));

        _board.Raise(NoticeCodes.DiskSpaceLow, NoticeSeverity.Error, "90 MiB free");

        _board.Current.Should().ContainSingle().Which.Should().Be(new Notice(NoticeCodes.DiskSpaceLow, NoticeSeverity.Error, "90 MiB free", since));
        _log.Lines.Should().ContainSingle();
    }

    [Fact]
    public void Clear_Raised_RemovesAndLogsInfoOnce()
    {
        _board.Raise(NoticeCodes.DiskSpaceLow, NoticeSeverity.Error, "Disk nearly full");

        _board.Clear(NoticeCodes.DiskSpaceLow);
        _board.Clear(NoticeCodes.DiskSpaceLow);

        _board.Current.Should().BeEmpty();
        _log.Lines.Should().HaveCount(2);
        _log.Lines[1].Should().Be(new CapturingLoggerProvider.LogLine(LogLevel.Information, "Resolved - Disk nearly full"));
    }

    [Fact]
    public void ShowAndHide_ListWithoutLogging()
    {
        _board.Show(NoticeCodes.RosterRefused, NoticeSeverity.Error, "The roster change was refused");
        _board.IsRaised(NoticeCodes.RosterRefused).Should().BeTrue();
        _board.Current.Should().ContainSingle().Which.Code.Should().Be(NoticeCodes.RosterRefused);

        _board.Hide(NoticeCodes.RosterRefused);

        _board.Current.Should().BeEmpty();
        _log.Lines.Should().BeEmpty();
    }
}
