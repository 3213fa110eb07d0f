using System.Globalization;
using Fluid;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// The Fluid options every dashboard template renders with: the view types registered (Fluid renders an
/// unregistered nested type as an empty string), snake_case member names as Liquid templates expect, invariant culture.
/// </summary>
internal static class DashboardTemplateOptions
{
    /// <summary>
    /// The most statements an event's own template may run in one render. The embedded pages run about 110 a device
    /// (a copy of them as an event template at a roster of 4,000 stays well inside it, DashboardTemplatesTests); a
    /// template that loops for ever stops here (well under a second) and its page falls back to the embedded default, so
    /// status.json and the stop are never held up.
    /// </summary>
    public const int EventTemplateMaxSteps = 2_000_000;

    /// <summary>Creates the options; <paramref name="strictVariables"/> makes a missing variable or member throw (tests).</summary>
    /// <param name="strictVariables">Whether a missing variable, member or filter throws.</param>
    /// <param name="maxSteps">The most statements a render may run; 0 for no limit (the embedded templates, bounded by the data).</param>
    public static TemplateOptions Create(bool strictVariables, int maxSteps = 0)
    {
        var options = new TemplateOptions
        {
            StrictVariables = strictVariables,
            StrictFilters = strictVariables,
            CultureInfo = CultureInfo.InvariantCulture,
            MaxSteps = maxSteps,
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
