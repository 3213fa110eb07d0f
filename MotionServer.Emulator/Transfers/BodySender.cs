using Microsoft.AspNetCore.Http;
using MotionServer.Emulator.Faults;

namespace MotionServer.Emulator.Transfers;

/// <summary>
/// Writes a response body in chunks, paced by the device's link and bent by the request's faults
/// (abort, stall, trickle). Never throws for a client that goes away: that is an outcome.
/// </summary>
internal sealed class BodySender(TimeProvider timeProvider)
{
    private static readonly TimeSpan AbortGrace = TimeSpan.FromMilliseconds(50);

    /// <summary>Sends <paramref name="body"/> (headers first, with its Content-Length).</summary>
    /// <param name="context">The request.</param>
    /// <param name="body">The bytes.</param>
    /// <param name="faults">The request's faults.</param>
    /// <param name="limiter">The device's link; null: unpaced.</param>
    /// <param name="progress">Called with the bytes sent after every chunk and once with the outcome.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away or the device leaves.</param>
    public async Task<(long Sent, TransferOutcome Outcome)> SendAsync(HttpContext context, ReadOnlyMemory<byte> body, RequestFaults faults,
        BandwidthLimiter? limiter, Action<long, TimeSpan, TransferOutcome> progress, CancellationToken cancellationToken)
    {
        long total = body.Length;
        long abortAt = Math.Min(faults.AbortAfter ?? total, total);
        long stallAt = Math.Min(faults.StallAfter ?? total, total);
        long stopAt = Math.Min(abortAt, stallAt);
        long started = timeProvider.GetTimestamp();
        long sent = 0;
        var outcome = TransferOutcome.Cut;
        try
        {
            if (!faults.NoContentLength)
            {
                context.Response.ContentLength = total; // otherwise Kestrel sends the body chunked
            }

            await context.Response.StartAsync(cancellationToken).ConfigureAwait(false);

            // The wait for the next chunk starts before the current one is reported, so that a test on a fake clock
            // that advances time on a progress report always finds the timer armed.
            var next = sent < stopAt ? NextChunkAsync(sent, stopAt, faults, limiter, cancellationToken) : null;
            while (next is not null)
            {
                int chunk = await next.ConfigureAwait(false);
                var flush = await context.Response.BodyWriter.WriteAsync(body.Slice((int)sent, chunk), cancellationToken).ConfigureAwait(false);
                sent += chunk;
                if (flush.IsCanceled || (flush.IsCompleted && sent < total))
                {
                    return (sent, Finish(context, sent, started, TransferOutcome.Cut, progress));
                }

                next = sent < stopAt ? NextChunkAsync(sent, stopAt, faults, limiter, cancellationToken) : null;
                progress(sent, timeProvider.GetElapsedTime(started), TransferOutcome.InProgress);
            }

            if (sent == total)
            {
                await context.Response.CompleteAsync().ConfigureAwait(false);
                outcome = TransferOutcome.Completed;
            }
            else if (abortAt <= stallAt)
            {
                // Let the bytes already written leave before the connection drops.
                await Task.Delay(AbortGrace, cancellationToken).ConfigureAwait(false);
                outcome = TransferOutcome.Aborted;
            }
            else
            {
                progress(sent, timeProvider.GetElapsedTime(started), TransferOutcome.Stalled);
                await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            outcome = sent < stopAt || sent == total ? TransferOutcome.Cut
                : abortAt <= stallAt ? TransferOutcome.Aborted : TransferOutcome.Stalled;
        }
        catch (IOException)
        {
            outcome = TransferOutcome.Cut;
        }

        return (sent, Finish(context, sent, started, outcome, progress));
    }

    private async Task<int> NextChunkAsync(long sent, long stopAt, RequestFaults faults, BandwidthLimiter? limiter, CancellationToken cancellationToken)
    {
        long left = stopAt - sent;
        if (faults.Trickle is { } trickle)
        {
            if (sent >= trickle.AfterBytes)
            {
                await Task.Delay(trickle.Interval, timeProvider, cancellationToken).ConfigureAwait(false);
                return 1;
            }

            left = Math.Min(left, trickle.AfterBytes - sent);
        }

        int chunk = (int)Math.Min(left, limiter?.ChunkSize ?? 64 * 1024);
        if (limiter is not null)
        {
            await limiter.WaitAsync(chunk, cancellationToken).ConfigureAwait(false);
        }

        return chunk;
    }

    private TransferOutcome Finish(HttpContext context, long sent, long started, TransferOutcome outcome, Action<long, TimeSpan, TransferOutcome> progress)
    {
        if (outcome != TransferOutcome.Completed)
        {
            // A body shorter than its Content-Length can only end with a dropped connection.
            context.Abort();
        }

        progress(sent, timeProvider.GetElapsedTime(started), outcome);
        return outcome;
    }
}
