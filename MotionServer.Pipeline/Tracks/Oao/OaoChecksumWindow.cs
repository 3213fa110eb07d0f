namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// Checks the checksum of candidate frames while resynchronising in constant time each, so that a scan costs work in
/// proportion to the bytes it crosses: recomputing a 512-byte checksum at every <c>0x0A</c> (a file of <c>D0 0A</c>
/// pairs has one every 2 bytes) would cost 256 times the file. Holds running sums of a block of bytes (mod 256): the
/// plain sum P₁ and the sum weighted by position P₂. A frame of length L at block position r then has
/// A = S₁ + b₀ + b₁ and B = (r + L)·S₁ − S₂ + (L − 2)·b₀ + (L − 3)·b₁, where Sₖ = Pₖ(r + L) − Pₖ(r + 4): byte j ≥ 4
/// of the frame weighs L − j in B, bytes 0 and 1 weigh L − 2 and L − 3 (<see cref="OaoChecksum"/>).
/// </summary>
/// <param name="blockSize">Bytes a block covers: at most what the window can hold ahead of an offset.</param>
internal sealed class OaoChecksumWindow(int blockSize)
{
    private byte[] _plain = [];
    private byte[] _weighted = [];
    private long _from;
    private int _count;

    /// <summary>Bytes summed so far (each block once): what the checks cost, for tests of linear work.</summary>
    public long BytesSummed { get; private set; }

    /// <summary>True when the frame of <paramref name="length"/> bytes at <paramref name="offset"/>, in the window, has a valid checksum.</summary>
    public bool IsValid(ref OaoByteWindow window, long offset, int length)
    {
        if (offset < _from || offset + length > _from + _count)
        {
            Sum(ref window, offset);
        }

        int r = (int)(offset - _from);
        var head = window.Slice(offset, OaoFrame.PayloadOffset);
        int plain = _plain[r + length] - _plain[r + OaoFrame.PayloadOffset];
        int weighted = _weighted[r + length] - _weighted[r + OaoFrame.PayloadOffset];
        int a = plain + head[0] + head[1];
        int b = ((r + length) * plain) - weighted + ((length - 2) * head[0]) + ((length - 3) * head[1]);
        return head[OaoFrame.ChecksumOffset] == (byte)a && head[OaoFrame.ChecksumOffset + 1] == (byte)b;
    }

    /// <summary>Sums a new block from <paramref name="offset"/>: as many bytes as the window holds, up to the block size.</summary>
    private void Sum(ref OaoByteWindow window, long offset)
    {
        window.Has(offset, blockSize);
        var bytes = window.From(offset);
        int count = Math.Min(bytes.Length, blockSize);
        if (_plain.Length < count + 1)
        {
            _plain = new byte[blockSize + 1];
            _weighted = new byte[blockSize + 1];
        }

        byte plain = 0;
        byte weighted = 0;
        for (int i = 0; i < count; i++)
        {
            plain += bytes[i];
            weighted += (byte)(i * bytes[i]);
            _plain[i + 1] = plain;
            _weighted[i + 1] = weighted;
        }

        _from = offset;
        _count = count;
        BytesSummed += count;
    }
}
