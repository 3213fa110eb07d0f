using System.Net;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Download;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MotionServer.Pipeline.Tests.Graph;

public sealed class NoticeChecksTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 10, 12, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _log = new();
    private readonly NoticeBoard _board;
    private readonly FleetState _fleet;

    public NoticeChecksTests()
    {
        _board = new NoticeBoard(_time, _log.CreateLogger("test"));
        _fleet = new FleetState(_time, id => $"motion-{id}", _folder.Path);
        _fleet.ApplyRoster(MotionRoster.Create(new[] { 801, 802 }.Select(id => new RosterEntry
        {
            MotionId = id, StartDate = new DateOnly(2025, 10, 11), EndDate = new DateOnly(2025, 10, 17), FileId = $"F{id}",
        })));
    }

    public void Dispose()
    {
        _folder.Dispose();
        _log.Dispose();
    }

    private NoticeChecks Checks(string eventFolder, HostsFile? hosts = null, DeviceAddressResolver? resolver = null) => new(
        _board,
        _fleet,
        new DiskSpaceGate(new NoFreeSpaceInfo(), eventFolder, 1, TimeSpan.FromSeconds(5), _board, _time),
        new EventFolderWriteCheck(eventFolder, _time, TimeSpan.FromSeconds(30)),
        eventFolder,
        hosts,
        "config/hosts",
        resolver);

    [Fact]
    public void Run_HostsFileMissing_ErrorNotice_ClearedOnceItIsThere()
    {
        string path = _folder.Combine("config", "hosts");
        var checks = Checks(_folder.Path, new HostsFile(path, recheckEvery: TimeSpan.Zero)); // looks at the file at every check

        checks.Run();

        var notice = _board.Current.Should().ContainSingle().Subject;
        notice.Code.Should().Be(NoticeCodes.HostsFileUnreadable);
        notice.Severity.Should().Be(NoticeSeverity.Error);
        notice.Text.Should().Be($"The hosts file config/hosts (Network:HostsFile, {path}) does not exist - devices it names are looked up by DNS only");

        _folder.Write("config/hosts", "127.0.0.5 motion-801\n");
        checks.Run();

        _board.Current.Should().BeEmpty();
        _log.Messages().Should().Equal(notice.Text, "Resolved - " + notice.Text);
    }

    [Fact]
    public void Run_EventFolderNotWritable_ErrorNotice()
    {
        // A folder below a plain file can never be written, whoever runs the test.
        string blocked = Path.Combine(_folder.Write("not-a-folder", "x"), "event");

        Checks(blocked).Run();

        var notice = _board.Current.Should().ContainSingle().Subject;
        notice.Code.Should().Be(NoticeCodes.EventFolderNotWritable);
        notice.Text.Should().StartWith($"The event folder {blocked} cannot be written (");
        EventFolderWriteCheck.Probe(_folder.Path).Should().BeNull();
        Directory.GetFiles(_folder.Path, EventFolderWriteCheck.ProbeFile).Should().BeEmpty("the probe file is deleted at once");
    }

    [Fact]
    public void Run_DevicesNeedingAttention_OneNoticeNamingThem_NotLoggedAgain()
    {
        var checks = Checks(_folder.Path);
        _fleet.MarkConnected(802, IPAddress.Loopback);
        _fleet.MarkFailed(802, "boom", _ => TimeSpan.Zero, _ => "1 track(s) failed: boom");

        checks.Run();

        _board.Current.Should().ContainSingle().Which.Text.Should().StartWith("1 device(s) keep failing and need attention: motion-802");
        _log.Lines.Should().BeEmpty("the device's own \"needs attention\" line is the log's");

        _fleet.MarkCompleted(802);
        checks.Run();
        _board.Current.Should().BeEmpty();
    }

    [Fact]
    public async Task Run_CatchAllAnswers_WarningNotice()
    {
        var resolver = new DeviceAddressResolver(new HostsFile(_folder.Write("config/hosts", "10.10.10.10 motion-801\n")), [IPAddress.Parse("10.10.10.10")]);
        var checks = Checks(_folder.Path, resolver: resolver);
        (await resolver.ResolveAsync("motion-801", CancellationToken.None)).Should().BeNull();

        checks.Run();

        var notice = _board.Current.Should().ContainSingle().Subject;
        notice.Code.Should().Be(NoticeCodes.CatchAllAddress);
        notice.Severity.Should().Be(NoticeSeverity.Warning);
        notice.Text.Should().StartWith("The network answers unknown device names with 10.10.10.10 (1 device name(s) now)");
    }

    private sealed class NoFreeSpaceInfo : IFreeSpaceProbe
    {
        public long? AvailableBytes(string folder) => null;
    }
}
