using Microsoft.Extensions.DependencyInjection;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.Notices;

namespace MotionServer.Pipeline.DependencyInjection;

/// <summary>
/// The <see cref="INoticeBoard"/> that <c>AddMotionServer</c> registers: the pipeline's own, whose notices are on its
/// dashboards and in its snapshots. A pipeline registered in place of ours has a board of its own, which only its
/// author can give: without one, the board is refused at once (when it is first asked for, at the latest when the host
/// starts) rather than given as a board that nothing displays.
/// </summary>
internal static class PipelineNoticeBoard
{
    /// <summary>The pipeline's board.</summary>
    /// <exception cref="InvalidOperationException">The pipeline is not ours, and no board was registered for it.</exception>
    public static INoticeBoard Of(IServiceProvider services)
    {
        var pipeline = services.GetRequiredService<IMotionPipeline>();
        return pipeline is MotionPipeline ours
            ? ours.Notices
            : throw new InvalidOperationException(
                $"IMotionPipeline is replaced by {pipeline.GetType().FullName}, whose notices nothing here can display: register the INoticeBoard it " +
                "displays (services.AddSingleton<INoticeBoard>(...)) before AddMotionServer, or do not replace IMotionPipeline.");
    }
}
