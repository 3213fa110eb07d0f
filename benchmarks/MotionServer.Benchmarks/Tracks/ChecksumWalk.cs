using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Benchmarks.Tracks;

/// <summary>
/// The floor any OAO reader pays, the baseline of the track benchmarks: walk the frames by their modes' lengths and
/// check each checksum, nothing decoded, nothing allocated.
/// </summary>
internal static class ChecksumWalk
{
    /// <summary>How many frames, walked from the start until the first unknown mode or cut frame, have a valid checksum.</summary>
    public static int CountValidFrames(ReadOnlySpan<byte> content)
    {
        int valid = 0;
        int offset = 0;
        while (content.Length - offset >= 2)
        {
            int length = OaoFrame.GetLength(OaoFrame.ReadMode(content[offset..]));
            if (length == 0 || length > content.Length - offset)
            {
                break;
            }

            if (OaoChecksum.IsValid(content.Slice(offset, length)))
            {
                valid++;
            }

            offset += length;
        }

        return valid;
    }
}
