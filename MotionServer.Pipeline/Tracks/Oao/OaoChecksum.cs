using System.Runtime.Intrinsics;

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

        // The running sums as two sums the vector unit can take 16 bytes at a time. Over the summed bytes xᵢ of a frame of
        // length L (all but bytes 2 and 3, taken as 0), A = Σ xᵢ and B = Σ (bytes summed from i to the end) · xᵢ, which
        // is (L − i) · xᵢ from byte 4 on and (L − 2 − i) · xᵢ for bytes 0 and 1: B = L·A − Σ i·xᵢ − 2·(x₀ + x₁). The
        // step-by-step loop (a += x; b += a) is one long chain of additions, a byte a cycle at best; these sums are
        // not. Only the low byte of A and B is kept, so sums that wrap at 2¹⁶ (or 2³²) give the same result.
        var (sum, weighted) = Sums(frame);
        int x0 = frame[0];
        int x1 = frame[1];
        int x2 = frame[OaoFrame.ChecksumOffset];
        int x3 = frame[OaoFrame.ChecksumOffset + 1];
        int a = sum - x2 - x3;
        int b = (frame.Length * a) - (weighted - (2 * x2) - (3 * x3)) - (2 * (x0 + x1));
        return (ushort)(((b & 0xFF) << 8) | (a & 0xFF));
    }

    /// <summary>Σ xᵢ and Σ i·xᵢ over every byte of <paramref name="frame"/>, right in their low 16 bits (all that counts).</summary>
    private static (int Sum, int Weighted) Sums(ReadOnlySpan<byte> frame)
    {
        var sum = Vector128<ushort>.Zero;
        var weighted = Vector128<ushort>.Zero;
        var lowIndices = Vector128.Create((ushort)0, 1, 2, 3, 4, 5, 6, 7);
        var highIndices = Vector128.Create((ushort)8, 9, 10, 11, 12, 13, 14, 15);
        int i = 0;
        for (; i + Vector128<byte>.Count <= frame.Length; i += Vector128<byte>.Count)
        {
            var bytes = Vector128.Create(frame.Slice(i, Vector128<byte>.Count));
            var (low, high) = Vector128.Widen(bytes);
            var offset = Vector128.Create((ushort)i);
            sum += low + high;
            weighted += (low * (lowIndices + offset)) + (high * (highIndices + offset));
        }

        int total = Vector128.Sum(sum);
        int weightedTotal = Vector128.Sum(weighted);
        for (; i < frame.Length; i++)
        {
            total += frame[i];
            weightedTotal += i * frame[i];
        }

        return (total, weightedTotal);
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
