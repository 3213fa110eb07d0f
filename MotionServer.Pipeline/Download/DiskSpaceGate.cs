using System.Globalization;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Download;

/// <summary>
/// Holds downloads while the event folder's disk is nearly full: a track starts only when, after it, at least
/// <c>Limits:MinFreeDiskBytes</c> would be left. Until then its download worker waits (the device is neither failed
/// nor counted towards needing attention; nothing is written) and the <see cref="NoticeCodes.DiskSpaceLow"/> notice
/// is up; the wait ends on its own when space is freed, or when the server stops.
/// </summary>
internal sealed class DiskSpaceGate(IFreeSpaceProbe probe, string folder, long minFreeBytes, TimeSpan recheck, INoticeBoard notices, TimeProvider time)
{
    private int _waiting;

    /// <summary>Looks at the free space now (a periodic check, so the notice also shows and clears while nothing downloads).</summary>
    public void Check() => HasRoom(0, waiter: false);

    /// <summary>Waits until a track of <paramref name="bytes"/> fits; false when <paramref name="cancellationToken"/> ends the wait first.</summary>
    public async Task<bool> WaitForRoomAsync(long bytes, CancellationToken cancellationToken)
    {
        if (HasRoom(bytes, waiter: false))
        {
            return true;
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            while (true)
            {
                try
                {
                    await Task.Delay(recheck, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }

                if (HasRoom(bytes, waiter: true))
                {
                    return true;
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private bool HasRoom(long bytes, bool waiter)
    {
        if (minFreeBytes <= 0 || probe.AvailableBytes(folder) is not { } free)
        {
            return true;
        }

        if (free - bytes >= minFreeBytes)
        {
            // Another track still waiting for more room keeps the notice up (no flapping between its checks and this one).
            if (Volatile.Read(ref _waiting) <= (waiter ? 1 : 0))
            {
                notices.Clear(NoticeCodes.DiskSpaceLow);
            }

            return true;
        }

        notices.Raise(NoticeCodes.DiskSpaceLow, NoticeSeverity.Error, string.Create(CultureInfo.InvariantCulture,
            $"Disk nearly full: {TrackFigures.FormatSize(free)} free for the event folder {folder}, at least {TrackFigures.FormatSize(minFreeBytes)} must stay free after each track (Limits:MinFreeDiskBytes) - downloads are paused and resume on their own when space is freed"));
        return false;
    }
}
