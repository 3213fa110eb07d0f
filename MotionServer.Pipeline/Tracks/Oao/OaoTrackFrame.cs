using System.Buffers.Binary;

namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>A track frame (§6), mode <see cref="OaoFrameMode.Track"/>, 12 bytes: latitude and longitude only.</summary>
/// <param name="Latitude">Latitude in degrees × 10⁷ (offset 4).</param>
/// <param name="Longitude">Longitude in degrees × 10⁷ (offset 8).</param>
internal readonly record struct OaoTrackFrame(int Latitude, int Longitude)
{
    /// <summary>Reads a track frame; the mode and checksum are not checked here.</summary>
    /// <param name="frame">At least <see cref="OaoFrame.TrackLength"/> bytes.</param>
    public static OaoTrackFrame Read(ReadOnlySpan<byte> frame)
    {
        OaoFrame.RequireLength(frame.Length, OaoFrame.TrackLength, nameof(frame));
        return new OaoTrackFrame(
            BinaryPrimitives.ReadInt32LittleEndian(frame[OaoGnssFrame.LatitudeOffset..]),
            BinaryPrimitives.ReadInt32LittleEndian(frame[OaoGnssFrame.LongitudeOffset..]));
    }

    /// <summary>Writes the whole frame, mode and checksum included.</summary>
    /// <param name="destination">At least <see cref="OaoFrame.TrackLength"/> bytes; exactly that many are written.</param>
    public void WriteTo(Span<byte> destination)
    {
        OaoFrame.RequireLength(destination.Length, OaoFrame.TrackLength, nameof(destination));
        var frame = destination[..OaoFrame.TrackLength];
        BinaryPrimitives.WriteInt32LittleEndian(frame[OaoGnssFrame.LatitudeOffset..], Latitude);
        BinaryPrimitives.WriteInt32LittleEndian(frame[OaoGnssFrame.LongitudeOffset..], Longitude);
        OaoFrame.Seal(frame, OaoFrameMode.Track);
    }
}
