using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Download;
using MotionServer.Pipeline.Notices;

namespace MotionServer.Pipeline.Tests.Download;

public sealed class DiskSpaceGateTests
{
    private const long MiB = 1024 * 1024;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();
    private readonly FakeFreeSpace _space = new();
    private readonly NoticeBoard _notices;
    private readonly DiskSpaceGate _gate;

    public DiskSpaceGateTests()
    {
        _notices = new NoticeBoard(_time, NullLogger.Instance);
        _gate = new DiskSpaceGate(_space, "/event", 500 * MiB, TimeSpan.FromSeconds(5), _notices, _time);
    }

    [Fact]
    public async Task WaitForRoom_EnoughLeftAfterTheTrack_GoesAtOnce()
    {
        _space.Free = 600 * MiB;

        (await _gate.WaitForRoomAsync(50 * MiB, CancellationToken.None).WaitAsync(Timeout)).Should().BeTrue();
        _notices.Current.Should().BeEmpty();
    }

    [Fact]
    public async Task WaitForRoom_TrackWouldLeaveTooLittle_WaitsWithANoticeUntilSpaceIsFreed()
    {
        _space.Free = 520 * MiB;

        var waiting = _gate.WaitForRoomAsync(50 * MiB, CancellationToken.None);
        waiting.IsCompleted.Should().BeFalse();
        var notice = _notices.Current.Should().ContainSingle().Subject;
        notice.Code.Should().Be(NoticeCodes.DiskSpaceLow);
        notice.Severity.Should().Be(NoticeSeverity.Error);
        notice.Text.Should().Contain("520.0 MiB free").And.Contain("at least 500.0 MiB must stay free after each track (Limits:MinFreeDiskBytes)").And.Contain("downloads are paused");

        _time.Advance(TimeSpan.FromSeconds(5));
        waiting.IsCompleted.Should().BeFalse("still too little space at the next look");

        _space.Free = 2000 * MiB;
        _time.Advance(TimeSpan.FromSeconds(5));
        (await waiting.WaitAsync(Timeout)).Should().BeTrue();
        _notices.Current.Should().BeEmpty();
    }

    [Fact]
    public async Task WaitForRoom_Cancelled_ReturnsFalseAndKeepsTheNotice()
    {
        _space.Free = 100 * MiB;
        using var stop = new CancellationTokenSource();

        var waiting = _gate.WaitForRoomAsync(1 * MiB, stop.Token);
        await stop.CancelAsync();

        (await waiting.WaitAsync(Timeout)).Should().BeFalse();
        _notices.Current.Should().ContainSingle();
    }

    [Fact]
    public void Check_RaisesAndClearsWithoutAnyDownload()
    {
        _space.Free = 10 * MiB;
        _gate.Check();
        _notices.Current.Should().ContainSingle();

        _space.Free = 501 * MiB;
        _gate.Check();
        _notices.Current.Should().BeEmpty();
    }

    [Fact]
    public void Check_UnknownFreeSpaceOrZeroMinimum_NeverPauses()
    {
        _space.Free = null;
        _gate.Check();
        new DiskSpaceGate(new FakeFreeSpace { Free = 0 }, "/event", 0, TimeSpan.FromSeconds(5), _notices, _time).Check();

        _notices.Current.Should().BeEmpty();
    }

    private sealed class FakeFreeSpace : IFreeSpaceProbe
    {
        public long? Free { get; set; }

        public long? AvailableBytes(string folder) => Free;
    }
}
