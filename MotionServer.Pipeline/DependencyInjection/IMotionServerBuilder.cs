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
}
