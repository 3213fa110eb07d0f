using System.Globalization;
using Fluid;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// The Fluid options every dashboard template renders with: the view types registered (Fluid renders an
/// unregistered nested type as an empty string), snake_case member names as Liquid templates expect, invariant culture.
/// </summary>
internal static class DashboardTemplateOptions
{
    /// <summary>Creates the options; <paramref name="strictVariables"/> makes a missing variable or member throw (tests).</summary>
    public static TemplateOptions Create(bool strictVariables)
    {
        var options = new TemplateOptions
        {
            StrictVariables = strictVariables,
            StrictFilters = strictVariables,
            CultureInfo = CultureInfo.InvariantCulture,
            MaxSteps = 0,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.MemberAccessStrategy.Register<DashboardView>();
        options.MemberAccessStrategy.Register<DeviceView>();
        options.MemberAccessStrategy.Register<StatusCountView>();
        options.MemberAccessStrategy.Register<EventView>();
        options.MemberAccessStrategy.Register<TrackDayView>();
        options.MemberAccessStrategy.Register<TrackView>();
        options.MemberAccessStrategy.Register<NoticeView>();
        options.MemberAccessStrategy.Register<StillOutView>();
        options.MemberAccessStrategy.Register<ResultsView>();
        options.MemberAccessStrategy.Register<ResultsClassView>();
        options.MemberAccessStrategy.Register<ResultsCategoryView>();
        options.MemberAccessStrategy.Register<ResultsRankView>();
        return options;
    }
}
