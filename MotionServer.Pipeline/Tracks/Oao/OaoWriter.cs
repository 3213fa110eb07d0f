using System.Runtime.InteropServices;

namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// Writes OAO files (§11): the header first (when there is one), then the GNSS frames back to back, each with its mode
/// (aligned when its UTC is a whole second) and checksum.
/// </summary>
internal static class OaoWriter
{
    /// <summary>The exact length of a file with this header (or none) and this many GNSS frames.</summary>
    /// <param name="hasHeader">Whether the file starts with a header frame.</param>
    /// <param name="frameCount">GNSS frames.</param>
    public static int GetLength(bool hasHeader, int frameCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frameCount);
        return checked((hasHeader ? OaoFrame.HeaderLength : 0) + (frameCount * OaoFrame.GnssLength));
    }

    /// <summary>Writes a whole file into a new array.</summary>
    /// <param name="header">The header, or null for a file without one.</param>
    /// <param name="frames">The GNSS frames, in order.</param>
    public static byte[] Write(OaoHeader? header, ReadOnlySpan<OaoGnssFrame> frames)
    {
        var content = new byte[GetLength(header is not null, frames.Length)];
        Write(header, frames, content);
        return content;
    }

    /// <summary>Writes a whole file into a new array.</summary>
    /// <param name="header">The header, or null for a file without one.</param>
    /// <param name="frames">The GNSS frames, in order.</param>
    public static byte[] Write(OaoHeader? header, IReadOnlyList<OaoGnssFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return frames switch
        {
            OaoGnssFrame[] array => Write(header, array.AsSpan()),
            List<OaoGnssFrame> list => Write(header, CollectionsMarshal.AsSpan(list)),
            _ => Write(header, frames.ToArray().AsSpan()),
        };
    }

    /// <summary>Writes a whole file into <paramref name="destination"/>; returns the bytes written.</summary>
    /// <param name="header">The header, or null for a file without one.</param>
    /// <param name="frames">The GNSS frames, in order.</param>
    /// <param name="destination">At least <see cref="GetLength"/> bytes.</param>
    public static int Write(OaoHeader? header, ReadOnlySpan<OaoGnssFrame> frames, Span<byte> destination)
    {
        int length = GetLength(header is not null, frames.Length);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The file needs {length} bytes; the destination has {destination.Length}.", nameof(destination));
        }

        int offset = 0;
        if (header is not null)
        {
            header.WriteTo(destination);
            offset = OaoFrame.HeaderLength;
        }

        foreach (ref readonly var frame in frames)
        {
            frame.WriteTo(destination[offset..]);
            offset += OaoFrame.GnssLength;
        }

        return offset;
    }
}
