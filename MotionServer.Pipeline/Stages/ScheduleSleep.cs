using System.Threading.Channels;

namespace MotionServer.Pipeline.Stages;

/// <summary>
/// The one sleep of a schedule loop (detection's and presence's): until its next due time, or until it hears from the
/// work it started through its channel, or the stop. What was heard stays in the channel for the loop to read.
/// </summary>
internal static class ScheduleSleep
{
    /// <summary>Returns when <paramref name="delay"/> has passed on <paramref name="time"/>, <paramref name="heard"/> has something to read, or <paramref name="stopping"/> is cancelled.</summary>
    public static async Task UntilDueOrHeardAsync<T>(ChannelReader<T> heard, TimeSpan delay, TimeProvider time, CancellationToken stopping)
    {
        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var readable = heard.WaitToReadAsync(sleep.Token).AsTask();
        var timer = Task.Delay(delay, time, sleep.Token);
        await Task.WhenAny(readable, timer).ConfigureAwait(false);
        await sleep.CancelAsync().ConfigureAwait(false); // the other one ends cancelled, observed by WhenAny
    }
}
