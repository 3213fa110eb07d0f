using Microsoft.Extensions.DependencyInjection;
using MotionServer.Pipeline.Roster;

namespace MotionServer.Pipeline.DependencyInjection;

/// <summary>Optional add-ons after <c>services.AddMotionServer(...)</c>.</summary>
public interface IMotionServerBuilder
{
    /// <summary>The service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>Uses a roster given in code instead of the event folder's <c>config/motions.csv</c>.</summary>
    IMotionServerBuilder UseRoster(MotionRoster roster);

    /// <summary>
    /// Uses a roster source of the embedder's own instead of the event folder's <c>config/motions.csv</c> (a roster kept
    /// by a web service, for example): <paramref name="create"/> makes it once, when the pipeline is made.
    /// </summary>
    IMotionServerBuilder UseRosterSource(Func<IServiceProvider, IRosterSource> create);
}
