using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Stages;

/// <summary>
/// The reporter's one rule: the contract's line is written first, then the status changes, so whoever sees the new
/// status finds its line in the log. Each test records lines and status changes in one timeline.
/// </summary>
public sealed class StatusReporterTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 12, 9, 0, 0, TimeSpan.Zero);
    private static readonly IPAddress Address = IPAddress.Parse("127.0.0.9");

    private readonly FakeTimeProvider _time = new(T0);
    private readonly StageRig _rig;

    public StatusReporterTests() => _rig = new StageRig(_time, new ScriptedConnectProbe(true), configure: null, 801);

    private DeviceWork Work => _rig.Work(801, Address);

    private StatusReporter Reporter => _rig.Reporter;

    [Fact]
    public void Connected_WritesItsLines_ThenMarksConnected()
    {
        var outcome = Reporter.Connected(Work, Address);

        outcome.Should().Be(new DeviceDetected(Work, Address));
        _rig.Timeline.Should().Equal("line: motion-801 detected at 127.0.0.9", "line: motion-801 is connected", "status: 801 Connected");
        _rig.Motion(801).Address.Should().Be("127.0.0.9");
        _rig.Log.Lines.Should().ContainSingle(l => l.Message == "motion-801 is connected").Which.Level.Should().Be(LogLevel.Information);
        ShouldBeAnEventOf801("motion-801 is connected");
    }

    [Fact]
    public void TracksToDownload_WritesItsLine_ThenMarksPending()
    {
        Reporter.Connected(Work, Address);
        _rig.ClearTimeline();

        Reporter.TracksToDownload(Work, 3);

        _rig.Timeline.Should().Equal("line: motion-801 has 3 track(s) to download", "status: 801 Pending");
        ShouldBeAnEventOf801("motion-801 has 3 track(s) to download");
    }

    [Fact]
    public void Downloaded_WritesItsLine_ThenPublishesTheCounts()
    {
        var ledger = new DeviceLedger();
        ledger.Set("F801_20251012_0900.oao", new LedgerEntry
        {
            MotionFile = "/logs/2025/10/0001.oao", LocalFile = "gpslogs/20251012/F801_20251012_0900.oao", Size = 1000, Status = LedgerStatus.Completed,
        });
        int? completedWhenWritten = null;
        _rig.Log.LineWritten += _ => completedWhenWritten = _rig.Motion(801).Tracks.Completed;

        Reporter.Downloaded(Work, "F801_20251012_0900.oao", "0.0 MiB, 1.0 hours", ledger);

        _rig.Log.Messages().Should().Equal("motion-801 F801_20251012_0900.oao downloaded - 0.0 MiB, 1.0 hours");
        completedWhenWritten.Should().Be(0, "the line comes before the counts");
        _rig.Motion(801).Tracks.Completed.Should().Be(1);
        _rig.Motion(801).BytesDownloaded.Should().Be(1000);
        ShouldBeAnEventOf801("motion-801 F801_20251012_0900.oao downloaded - 0.0 MiB, 1.0 hours");
    }

    [Fact]
    public void CanBeDisconnected_WritesItsLine_ThenMarksCompleted()
    {
        Reporter.Connected(Work, Address);
        _rig.ClearTimeline();

        var outcome = Reporter.CanBeDisconnected(Work);

        outcome.Should().Be(new DeviceDone(Work));
        _rig.Timeline.Should().Equal("line: motion-801 can be disconnected", "status: 801 Completed");
        _rig.Motion(801).LastCompleted.Should().Be(T0);
        ShouldBeAnEventOf801("motion-801 can be disconnected");
    }

    [Fact]
    public void CanBeDisconnected_WhenARosterChangeDuringTheVisitHoldsTheCompletionBack_IsNotSaid()
    {
        Reporter.Connected(Work, Address);
        Reporter.TracksToDownload(Work, 1);
        // The roster is edited while the device downloads: its File ID changes, so it is planned again before it is done.
        _rig.Fleet.ApplyRoster(MotionRoster.Create(_rig.Fleet.Roster.EntriesFor(801).Select(e => e with { FileId = "G801" })));
        _rig.ClearTimeline();

        var outcome = Reporter.CanBeDisconnected(Work);

        outcome.Should().Be(new DeviceDone(Work));
        _rig.Timeline.Should().Equal(["status: 801 Connected"], "a device that may owe a track under the new roster is never said to be done");
    }

    [Fact]
    public async Task CanBeDisconnected_ARosterChangeFromAnotherThreadWhileTheLineIsWritten_LandsAfterTheCompletion()
    {
        // Issue 17: the check and the completion were two steps; a roster change between them let the line through for
        // a device then kept connected. Now the line is said inside the completion: the change waits, then sets it back.
        Reporter.Connected(Work, Address);
        Reporter.TracksToDownload(Work, 1);
        _rig.ClearTimeline();
        Task? rosterChange = null;
        void OnLine(CapturingLoggerProvider.LogLine line)
        {
            if (line.Message.EndsWith("can be disconnected", StringComparison.Ordinal))
            {
                rosterChange = Task.Run(() => _rig.Fleet.ApplyRoster(MotionServer.Pipeline.Tests.Support.MotionRosters.WithFileId(_rig.Fleet.Roster, "G801")));
                rosterChange.Wait(TimeSpan.FromMilliseconds(300)); // long enough to land in a gap, if there were one
            }
        }

        _rig.Log.LineWritten += OnLine;
        Reporter.CanBeDisconnected(Work);
        await rosterChange!.WaitAsync(Patience.Timeout);

        // The two status events are raised after the fleet's lock is released, so their order may vary; what matters is
        // that the line was true when said (completed), and that the roster change then set it back to be planned again.
        _rig.Timeline[0].Should().Be("line: motion-801 can be disconnected");
        _rig.Timeline.Skip(1).Should().BeEquivalentTo(["status: 801 Completed", "status: 801 Connected"]);
        _rig.Fleet.StatusOf(801).Should().Be(MotionStatus.Connected);
    }

    [Fact]
    public void Disconnected_WritesItsLine_ThenMarksDisconnected_AndForgetsTheAddress()
    {
        Reporter.Connected(Work, Address);
        Reporter.CanBeDisconnected(Work);
        _rig.ClearTimeline();

        Reporter.Disconnected(Work);

        _rig.Timeline.Should().Equal("line: motion-801 has been disconnected", "status: 801 Disconnected");
        _rig.Motion(801).Address.Should().BeNull("detection must look the device up afresh when it returns");
        ShouldBeAnEventOf801("motion-801 has been disconnected");
    }

    [Fact]
    public void Left_SaysWhereItLeft_ThenDisconnected_ThenMarksDisconnected()
    {
        Reporter.Connected(Work, Address);
        _rig.ClearTimeline();

        var outcome = Reporter.Left(Work, "inspection", "logs.json request failed: ConnectionRefused");

        outcome.Should().Be(new DeviceNotFound(Work));
        _rig.Timeline.Should().Equal(
            "line: motion-801 left during inspection - logs.json request failed: ConnectionRefused",
            "line: motion-801 has been disconnected",
            "status: 801 Disconnected");
        _rig.Motion(801).FailedAttempts.Should().Be(0, "leaving is not a failed attempt");
    }

    [Fact]
    public void InspectionFailed_WritesItsLine_ThenMarksFailed()
    {
        Reporter.Connected(Work, Address);
        _rig.ClearTimeline();

        var outcome = Reporter.InspectionFailed(Work, "info.json answered HTTP 500");

        outcome.Should().Be(new DeviceFailed(Work, "info.json answered HTTP 500"));
        _rig.Timeline.Should().Equal("line: motion-801 inspection failed - info.json answered HTTP 500", "status: 801 Failed");
        _rig.Log.Lines[^1].Level.Should().Be(LogLevel.Error);
        var motion = _rig.Motion(801);
        motion.LastError.Should().Be("info.json answered HTTP 500");
        motion.FailedAttempts.Should().Be(1);
        motion.Address.Should().BeNull();
        ShouldBeAnEventOf801("motion-801 inspection failed - info.json answered HTTP 500");
    }

    [Fact]
    public void Failed_PacesTheDeviceByTheFailurePolicysBackoff()
    {
        Reporter.Failed(Work, "x", _ => "1 track(s) failed");

        var wait = _rig.Fleet.NotBeforeOf(801) - T0;
        var initial = _rig.Options.Retry.InitialDelay;
        wait.Should().BeGreaterThanOrEqualTo(initial * 0.8).And.BeLessThanOrEqualTo(initial * 1.2);
    }

    [Fact]
    public void Failed_AtTheThreshold_SaysNeedsAttentionOnce_BeforeTheDeviceIsFlagged()
    {
        int threshold = _rig.Options.Retry.AttemptsBeforeAttention;
        string? attentionWhenWritten = "not written";
        _rig.Log.LineWritten += line =>
        {
            if (line.Message.Contains("needs attention", StringComparison.Ordinal))
            {
                attentionWhenWritten = _rig.Motion(801).Attention;
            }
        };

        for (int attempt = 1; attempt < threshold; attempt++)
        {
            Reporter.InspectionFailed(Work, "logs.json answered HTTP 500");
            _rig.Motion(801).Attention.Should().BeNull($"attempt {attempt} is below the threshold");
        }

        _rig.Log.Messages().Should().NotContain(m => m.Contains("needs attention", StringComparison.Ordinal));
        Reporter.InspectionFailed(Work, "logs.json answered HTTP 500");
        Reporter.InspectionFailed(Work, "logs.json answered HTTP 500");

        var attentionLines = _rig.Log.Lines.Where(l => l.Message.Contains("needs attention", StringComparison.Ordinal)).ToList();
        attentionLines.Should().ContainSingle("the line is said once, when the count crosses").Which.Should().Be(new CapturingLoggerProvider.LogLine(
            LogLevel.Error, $"motion-801 needs attention - inspection failed {threshold} times: logs.json answered HTTP 500"));
        attentionWhenWritten.Should().BeNull("the line comes before the flag");
        var motion = _rig.Motion(801);
        motion.Attention.Should().Be($"inspection failed {threshold + 1} times: logs.json answered HTTP 500");
        motion.FailedAttempts.Should().Be(threshold + 1);
        ShouldBeAnEventOf801($"motion-801 needs attention - inspection failed {threshold} times: logs.json answered HTTP 500");
    }

    [Fact]
    public void Failed_GivesTheAttentionWordsTheAttemptCount()
    {
        int threshold = _rig.Options.Retry.AttemptsBeforeAttention;
        var counts = new List<int>();

        for (int attempt = 1; attempt <= threshold; attempt++)
        {
            Reporter.Failed(Work, "the device answered HTTP 500", n =>
            {
                counts.Add(n);
                return "2 track(s) failed";
            });
        }

        counts.Should().Contain(threshold).And.OnlyContain(n => n == threshold, "the words are asked for only from the threshold on");
        _rig.Log.Messages().Should().ContainSingle().Which.Should().Be("motion-801 needs attention - 2 track(s) failed: the device answered HTTP 500");
    }

    [Fact]
    public void TrackFailed_WritesOnlyItsLine()
    {
        Reporter.Connected(Work, Address);
        _rig.ClearTimeline();

        Reporter.TrackFailed(Work, "F801_20251012_0900.oao", "the device answered HTTP 500");

        _rig.Timeline.Should().Equal("line: motion-801 F801_20251012_0900.oao failed - the device answered HTTP 500");
        _rig.Motion(801).Status.Should().Be(MotionStatus.Connected, "the stage fails the device at the end of its visit");
        ShouldBeAnEventOf801("motion-801 F801_20251012_0900.oao failed - the device answered HTTP 500");
    }

    private void ShouldBeAnEventOf801(string message) =>
        _rig.Fleet.GetSnapshot().RecentEvents.Should().ContainSingle(e => e.Message == message).Which.DeviceId.Should().Be(801);

    public void Dispose() => _rig.Dispose();
}
