using Microsoft.Extensions.Options;

namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// The checks the options classes declare (<c>[Range]</c>, <c>[Required]</c>, <c>[ValidateObjectMembers]</c>), emitted
/// by the Microsoft.Extensions.Options source generator: typed comparisons, durations included, no reflection, so it is
/// safe to trim and to compile ahead of time. Its words are the platform's; <see cref="MotionServerOptionsValidation"/>
/// says them in the settings' own.
/// </summary>
[OptionsValidator]
internal sealed partial class MotionServerOptionsValidator : IValidateOptions<MotionServerOptions>;
