using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Reliability.Support;

/// <summary>
/// Base of the reliability tests: the event folder is <c>&lt;temp&gt;/event</c>, so that its parent can be scanned for
/// anything written beside it; every run is watched by an <see cref="InvariantWatch"/> from its first log line.
/// </summary>
public abstract class ReliabilityTest : IDisposable
{
    private protected ReliabilityTest()
    {
        EventDirectory = Path.Combine(Temp.Path, "event");
        Directory.CreateDirectory(EventDirectory);
    }

    private protected TemporaryFolder Temp { get; } = new();

    private protected string EventDirectory { get; }

    private protected InvariantWatch? Watch { get; private set; }

    /// <summary>Starts the real pipeline on the event folder for <paramref name="fleet"/>, watched from its first line.</summary>
    private protected async Task<PipelineHarness> StartAsync(EmulatedFleet fleet, MotionRoster? roster = null, Action<MotionServerOptions>? configure = null)
    {
        roster ??= PipelineHarness.RosterFor(fleet);
        var log = new CapturingLoggerProvider();
        Watch = new InvariantWatch(new EventFolder(EventDirectory), fleet, roster, log);
        return await PipelineHarness.StartAsync(EventDirectory, fleet, roster, configure, log);
    }

    /// <summary>Waits until every device is completed with its tracks, all within one <paramref name="timeout"/>.</summary>
    private protected static Task WaitForAllCompletedAsync(PipelineHarness server, IReadOnlyDictionary<int, int> tracksById, TimeSpan timeout) =>
        WaitForAllAsync(server, tracksById.Keys, m => PipelineHarness.IsCompletedWith(m, tracksById[m.Id]), timeout);

    /// <summary>Waits until every device in <paramref name="ids"/> meets <paramref name="condition"/>, all within one <paramref name="timeout"/>.</summary>
    private protected static async Task WaitForAllAsync(PipelineHarness server, IEnumerable<int> ids, Func<MotionSnapshot, bool> condition, TimeSpan timeout)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        foreach (int id in ids)
        {
            var left = timeout - deadline.Elapsed;
            await server.WaitForAsync(id, condition, left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
        }
    }

    /// <summary>Completes with the first log line (past or future) that matches.</summary>
    private protected static Task<string> WaitForLogAsync(PipelineHarness server, Func<string, bool> match, TimeSpan? timeout = null)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(CapturingLoggerProvider.LogLine line)
        {
            if (match(line.Message))
            {
                seen.TrySetResult(line.Message);
            }
        }

        server.Log.LineWritten += OnLine;
        if (server.Log.Messages().FirstOrDefault(match) is { } already)
        {
            seen.TrySetResult(already);
        }

        return WaitAsync();

        async Task<string> WaitAsync()
        {
            try
            {
                return await seen.Task.WaitAsync(timeout ?? PipelineHarness.DefaultTimeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"no such log line; last lines:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", server.Log.Messages().TakeLast(15))}");
            }
            finally
            {
                server.Log.LineWritten -= OnLine;
            }
        }
    }

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
