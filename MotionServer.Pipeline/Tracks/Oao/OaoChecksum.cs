namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// The 8-bit Fletcher checksum of an OAO frame (§3): two running sums A and B (mod 256) over every byte of the frame
/// except the checksum bytes themselves (offsets 0–1, then 4 to the end). A is stored at offset 2, B at offset 3.
/// </summary>
internal static class OaoChecksum
{
    /// <summary>
    /// Computes the checksum of a whole frame. The result is <c>B &lt;&lt; 8 | A</c>: the value bytes 2–3 hold when read
    /// as one little-endian u16.
    /// </summary>
    /// <param name="frame">The whole frame (at least 4 bytes); bytes 2 and 3 are ignored.</param>
    public static ushort Compute(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < OaoFrame.PayloadOffset)
        {
            throw new ArgumentException("An OAO frame is at least 4 bytes long.", nameof(frame));
        }

        // Plain int sums masked once at the end equal sums wrapped at every step: int arithmetic wraps modulo 2^32,
        // a multiple of 256, so the low byte is right whatever the length.
        int a = frame[0];
        int b = a;
        a += frame[1];
        b += a;
        foreach (byte value in frame[OaoFrame.PayloadOffset..])
        {
            a += value;
            b += a;
        }

        return (ushort)(((b & 0xFF) << 8) | (a & 0xFF));
    }

    /// <summary>True when bytes 2 and 3 of the frame hold its checksum.</summary>
    /// <param name="frame">The whole frame.</param>
    public static bool IsValid(ReadOnlySpan<byte> frame)
    {
        ushort checksum = Compute(frame);
        return frame[OaoFrame.ChecksumOffset] == (byte)checksum && frame[OaoFrame.ChecksumOffset + 1] == (byte)(checksum >> 8);
    }

    /// <summary>Computes the checksum of a whole frame and stores A at offset 2 and B at offset 3.</summary>
    /// <param name="frame">The whole frame, with its mode and payload in place.</param>
    public static void Write(Span<byte> frame)
    {
        ushort checksum = Compute(frame);
        frame[OaoFrame.ChecksumOffset] = (byte)checksum;
        frame[OaoFrame.ChecksumOffset + 1] = (byte)(checksum >> 8);
    }
}
