namespace MotionServer.Pipeline.Notices;

/// <summary>A condition that needs someone to act, shown as a banner on every dashboard page and listed in status.json.</summary>
/// <param name="Code">Stable identifier of the condition, e.g. <c>disk-space-low</c> (<see cref="NoticeCodes"/>).</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Text">What is wrong and what to do, in words for the staff.</param>
/// <param name="Since">When the condition started.</param>
public sealed record Notice(string Code, NoticeSeverity Severity, string Text, DateTimeOffset Since);
