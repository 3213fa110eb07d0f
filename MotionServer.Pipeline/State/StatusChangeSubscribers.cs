using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.State;

/// <summary>
/// Tells the <see cref="FleetState.StatusChanged"/> subscribers of a change. Subscribers are the embedder's code as much as
/// ours: one that throws must not stop the others hearing of the change, nor travel into the stage that changed the status
/// (a stage that throws loses the device, or faults and makes stop wait forever). Each is called on its own, and a failure
/// is logged to <paramref name="logger"/> (the pipeline's) and left behind.
/// </summary>
internal sealed partial class StatusChangeSubscribers(ILogger logger, Func<int, string> hostnameOf)
{
    public void Raise(object sender, EventHandler<MotionStatusChange>? handlers, MotionStatusChange change)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<MotionStatusChange>>())
        {
            try
            {
                handler(sender, change);
            }
#pragma warning disable CA1031 // a subscriber's bug is reported, never passed on to the stage that changed the status
            catch (Exception e)
#pragma warning restore CA1031
            {
                SubscriberFailed(logger, hostnameOf(change.DeviceId), change.Current.ToContractName(), e.GetType().Name, Logging.LogText.Escape(e.Message), e);
            }
        }
    }
}
