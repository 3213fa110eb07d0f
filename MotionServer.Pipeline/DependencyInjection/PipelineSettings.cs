using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotionServer.Pipeline.Configuration;

namespace MotionServer.Pipeline.DependencyInjection;

/// <summary>
/// The settings the pipeline is made with, from <c>IOptions&lt;MotionServerOptions&gt;</c>. Making the pipeline never
/// fails: bad settings are the pipeline's to refuse when it starts (a <see cref="StartupException"/> naming each problem
/// as the settings' contract says it), as they always were.
/// </summary>
internal static class PipelineSettings
{
    /// <summary>The options with the problems found while reading configuration and validating, and the renamed keys used.</summary>
    public static MotionServerOptionsReadResult From(IServiceProvider services, IReadOnlyList<SettingsProblem> readProblems, IReadOnlyList<SettingsProblem> warnings)
    {
        try
        {
            var options = services.GetRequiredService<IOptions<MotionServerOptions>>().Value;
            return new MotionServerOptionsReadResult(options, []) { Warnings = warnings };
        }
        catch (OptionsValidationException refused)
        {
            // Made again without validation, to name each problem with its key and value.
            var options = new OptionsFactory<MotionServerOptions>(
                services.GetServices<IConfigureOptions<MotionServerOptions>>(),
                services.GetServices<IPostConfigureOptions<MotionServerOptions>>()).Create(Options.DefaultName);
            IReadOnlyList<SettingsProblem> problems = [.. readProblems, .. MotionServerOptionsValidation.Check(options, MotionServerDefaults.SectionName)];
            if (problems.Count == 0)
            {
                // Refused by a validation of the embedder's own: its words, as they are.
                problems = [.. refused.Failures.Select(f => new SettingsProblem(MotionServerDefaults.SectionName, null, f))];
            }

            return new MotionServerOptionsReadResult(options, problems) { Warnings = warnings };
        }
    }
}
