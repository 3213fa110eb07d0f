using System.Collections.Concurrent;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;
using Xunit;

namespace MotionServer.Pipeline.Tests.Graph;

/// <summary>history.json is saved off the status change's thread, at once after a quiet spell and at most once per spacing.</summary>
public sealed class HistoryWriterTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset Noon = new(2025, 10, 12, 12, 0, 0, TimeSpan.Zero);

    private readonly TemporaryFolder _temp = new();
    private readonly EventFolder _folder;
    private readonly FakeTimeProvider _time = new(Noon);
    private readonly ConcurrentQueue<string> _notSaved = new();
    private readonly ConcurrentQueue<DateTimeOffset> _savedAt = new();
    private volatile HistoryRecord _current = HistoryRecord.Empty;

    public HistoryWriterTests()
    {
        _folder = new EventFolder(_temp.Path);
        _folder.EnsureCreated();
    }

    public void Dispose() => _temp.Dispose();

    private HistoryWriter Writer() => new(new HistoryStore(_folder), Export, _notSaved.Enqueue, _time, Spacing);

    /// <summary>A started writer that has saved the connect of 817 (the fake clock has not moved).</summary>
    private async Task<HistoryWriter> WriterAfterItsFirstSave()
    {
        var writer = Writer();
        writer.Start();
        Connected(817);
        writer.Changed();
        await Until(() => Saved().SequenceEqual([817]));
        return writer;
    }

    private HistoryRecord Export()
    {
        _savedAt.Enqueue(_time.GetUtcNow()); // a save exports the history once
        return _current;
    }

    private int Saves => _savedAt.Count;

    /// <summary>The history after <paramref name="ids"/> connected, the last one first.</summary>
    private void Connected(params int[] ids) =>
        _current = new HistoryRecord(
            [.. ids.Reverse()],
            ids.ToDictionary(id => id, _ => new DeviceTimes(_time.GetUtcNow(), null)));

    private List<int> Saved() => [.. new HistoryStore(_folder).Load().History];

    /// <summary>Moves the clock 10 ms at each look, as it would while the writer waits (it arms its wait at any moment).</summary>
    private Task UntilWithTheClockMoving(Func<bool> condition) => Until(() =>
    {
        _time.Advance(TimeSpan.FromMilliseconds(10));
        return condition();
    });

    private static async Task Until(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(10, patience.Token);
        }
    }

    [Fact]
    public async Task Changed_AfterAQuietSpell_IsSavedAtOnce()
    {
        using var writer = Writer();
        writer.Start();
        Connected(817);

        writer.Changed();

        await Until(() => Saved().SequenceEqual([817])); // the fake clock never moves: no wait of the spacing
        await writer.StopAsync();
        Saves.Should().Be(2, "the change's save, then the stop's");
    }

    [Fact]
    public async Task ChangesWithinTheSpacing_AreOneSave_AtItsEnd()
    {
        using var writer = await WriterAfterItsFirstSave();

        for (int id = 818; id <= 820; id++)
        {
            Connected([817, .. Enumerable.Range(818, id - 817)]);
            writer.Changed(); // a rush: three more connects just after the first save
        }

        await UntilWithTheClockMoving(() => Saved().SequenceEqual([820, 819, 818, 817]));
        await writer.StopAsync();

        Saves.Should().Be(3, "the three changes are one save, and the stop's is the third");
        _savedAt.ElementAt(1).Should().BeOnOrAfter(_savedAt.First() + Spacing, "a save waits out the spacing since the last");
    }

    [Fact]
    public async Task StopAsync_SavesTheHistoryAsItIsThen_WithoutWaitingOutTheSpacing()
    {
        using var writer = await WriterAfterItsFirstSave();
        Connected(817, 818);
        writer.Changed(); // within the spacing: its save waits

        await writer.StopAsync().WaitAsync(Patience); // the clock never moves

        Saved().Should().Equal(818, 817);
        Saves.Should().Be(2);
        writer.Changed(); // after the stop: taken by nobody
        Saves.Should().Be(2);
    }

    [Fact]
    public async Task ASaveThatFails_IsReported_AndTheNextChangeTriesAgain()
    {
        using var writer = Writer();
        Directory.CreateDirectory(_folder.HistoryFile); // a folder where the file should be: the rename fails
        writer.Start();
        Connected(817);

        writer.Changed();
        await Until(() => !_notSaved.IsEmpty);
        Directory.Delete(_folder.HistoryFile);
        Connected(817, 818);
        writer.Changed();

        await UntilWithTheClockMoving(() => Saved().SequenceEqual([818, 817]));
        _notSaved.Should().ContainSingle().Which.Should().NotBeNullOrWhiteSpace();
        await writer.StopAsync();
    }
}
