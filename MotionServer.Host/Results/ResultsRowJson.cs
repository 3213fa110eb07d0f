using System.Text.Json.Serialization;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Host.Results;

/// <summary>One track in <c>results --json</c>: <c>{ "file", "suspect", "reasons", "figures", "device" }</c>.</summary>
/// <param name="File">The file as the command line gave it.</param>
/// <param name="Suspect">True when the rules found something wrong in the track.</param>
/// <param name="Reasons">Why, one sentence each; empty when not suspect.</param>
/// <param name="Figures">The figures by the sport's quality rules.</param>
/// <param name="Device">The device's own figures: every frame, no filter.</param>
internal sealed record ResultsRowJson(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("suspect")] bool Suspect,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("figures")] ResultsFiguresJson Figures,
    [property: JsonPropertyName("device")] ResultsFiguresJson Device)
{
    public static ResultsRowJson From(string file, TrackResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new(file, results.IsSuspect, [.. results.Reasons.Select(r => r.Text)],
            ResultsFiguresJson.From(results.Figures), ResultsFiguresJson.From(results.Device));
    }
}
