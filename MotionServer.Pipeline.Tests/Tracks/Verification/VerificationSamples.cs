using MotionServer.Emulator.Tracks;
using MotionServer.Pipeline.Tracks;
using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Pipeline.Tests.Tracks.Verification;

/// <summary>Healthy tracks of every shape the format notes describe, built with the emulator's generator.</summary>
internal static class VerificationSamples
{
    public static readonly DateTimeOffset Start = new(2025, 10, 12, 11, 2, 9, TimeSpan.Zero);

    public static SyntheticTrackSpec Spec(int frequency = 5, int minutes = 10, double knots = 22, bool padding = true) =>
        new(817, "ABC817", Start, TimeSpan.FromMinutes(minutes), FrequencyHz: frequency, MaxSpeedKnots: knots, Seed: 7) { DevicePadding = padding };

    /// <summary>The logs.json figures a device announces with a generated track.</summary>
    public static TrackFigures ClaimsOf(GeneratedTrack track) =>
        new(track.Size, track.StartDate, track.EndDate, track.Duration, track.Distance, track.Best2s, track.Best10s, track.Best500m);

    /// <summary>The file with its first header replaced by <paramref name="change"/> of it (checksum rewritten: a valid header).</summary>
    public static byte[] WithHeader(byte[] content, Func<OaoHeader, OaoHeader> change)
    {
        var header = OaoHeader.Read(content.AsSpan(0, OaoFrame.HeaderLength));
        var bytes = (byte[])content.Clone();
        change(header).WriteTo(bytes);
        return bytes;
    }

    /// <summary>The GNSS frames of a file without header or padding.</summary>
    public static byte[] FramesOnly(GeneratedTrack track, out int headerBytes)
    {
        var read = OaoReader.Read(track.Content);
        headerBytes = read.Headers.Count * OaoFrame.HeaderLength;
        return track.Content.AsSpan(headerBytes).ToArray();
    }
}
