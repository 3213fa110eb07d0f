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

        await AdvanceUntilAsync(() => _space.Looks >= 2);
        waiting.IsCompleted.Should().BeFalse("still too little space at the next look");

        _space.Free = 2000 * MiB;
        await AdvanceUntilAsync(() => waiting.IsCompleted);
        (await waiting).Should().BeTrue();
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

    /// <summary>
    /// Advances the fake clock until <paramref name="condition"/> holds. The gate re-arms its timer on a pool thread after
    /// each look, so one Advance can land before the next timer exists: advance in steps until the look has happened.
    /// </summary>
    private async Task AdvanceUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            deadline.Token.ThrowIfCancellationRequested();
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }
    }

    private sealed class FakeFreeSpace : IFreeSpaceProbe
    {
        private int _looks;

        public long? Free { get; set; }

        /// <summary>How many times the gate has read the free space.</summary>
        public int Looks => Volatile.Read(ref _looks);

        public long? AvailableBytes(string folder)
        {
            Interlocked.Increment(ref _looks);
            return Free;
        }
    }
}
