using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MotionServer.Pipeline.Roster;

namespace MotionServer.Pipeline.DependencyInjection;

internal sealed class MotionServerBuilder(IServiceCollection services) : IMotionServerBuilder
{
    public IServiceCollection Services { get; } = services;

    public IMotionServerBuilder UseRoster(MotionRoster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        Services.RemoveAll<IRosterSource>();
        Services.AddSingleton<IRosterSource>(new FixedRosterSource(roster));
        return this;
    }

    public IMotionServerBuilder UseRosterSource(Func<IServiceProvider, IRosterSource> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        Services.RemoveAll<IRosterSource>();
        Services.AddSingleton(create);
        return this;
    }
}
