using MotionServer.Pipeline.Stages;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// One look the detection schedule started, run on its own outside the schedule's loop: the look (name, then TCP
/// connect); a device found is handed to the detection stage, whose input takes it at once (nothing after detection
/// pushes back on it); one not found is recorded by the stage. Either way the loop hears how the look ended.
/// </summary>
/// <param name="look">One look: name, then TCP connect.</param>
/// <param name="stage">Records what a look did not find.</param>
/// <param name="found">Hands a found device (its address set) to the detection stage; false when the stage takes no more.</param>
/// <param name="clock">When things happen.</param>
/// <param name="loop">Where the loop hears of it.</param>
internal sealed class ScheduledLook(DetectionLook look, DetectionStage stage, Func<DeviceWork, CancellationToken, Task<bool>> found,
    ScheduleClock clock, Action<ScheduleEvent> loop)
{
    /// <summary>Looks for the device; never throws. <paramref name="missedBefore"/>: the last look missed it, so found now it has arrived.</summary>
    public async Task RunAsync(DeviceWork work, bool missedBefore, CancellationToken stopping)
    {
        // No yield first: a look that needs no waiting (a name the hosts file answers with the router's catch-all
        // address) ends here, inside the loop's pass, without a thread-pool hop; the others go on their own at their
        // first wait.
        bool handedOver = false;
        try
        {
            var address = await look.LookAsync(work.Hostname, stopping).ConfigureAwait(false);
            if (address is null)
            {
                stage.NotFound(work);
            }
            else
            {
                if (missedBefore)
                {
                    Tell(ScheduleEventKind.Arrived, work.DeviceId);
                }

                handedOver = await found(work with { Address = address }, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the loop releases the device.
        }
#pragma warning disable CA1031 // a look never throws: the device would stay claimed and never be looked for again
        catch (Exception e)
#pragma warning restore CA1031
        {
            stage.LookFailed(work, e);
        }
        finally
        {
            Tell(handedOver ? ScheduleEventKind.HandedOver : ScheduleEventKind.Missed, work.DeviceId);
        }
    }

    // The loop's channel is unbounded and closes only once no look is outstanding: what it is told is never refused.
    private void Tell(ScheduleEventKind kind, int deviceId) => loop(new ScheduleEvent(kind, deviceId, clock.Now));
}
