using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

public sealed class OaoFrameWalkerTests
{
    /// <summary>Buffers that make frames straddle a refill: the smallest allowed, an odd size, and a page.</summary>
    public static TheoryData<int> BufferSizes => [OaoFrameWalker.MinimumBufferSize, 1031, 4096];

    [Theory]
    [MemberData(nameof(BufferSizes))]
    public void Walk_DamagedFilesOfEveryKind_FindsWhatTheInMemoryWalkFound(int bufferSize)
    {
        for (int seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            byte[] content = DamagedFile(random);
            var expected = new InMemoryOaoWalk(OaoReaderOptions.Default).Walk(content);

            var inMemory = WalkSpan(content);
            var streamed = WalkStream(content, bufferSize, random.Next());

            foreach (var (result, walk) in new[] { inMemory, streamed })
            {
                string because = $"seed {seed}, {content.Length} bytes";
                result.Length.Should().Be(expected.Length, because);
                result.Headers.Should().Equal(expected.Headers, because);
                result.Frames.Should().Equal(expected.Frames, because);
                result.OtherFrameCount.Should().Be(expected.OtherFrameCount, because);
                result.Anomalies.Should().Equal(expected.Anomalies, because);
                walk.StartsWithValidHeader.Should().Be(InMemoryOaoWalk.StartsWithValidHeader(content), because);
                walk.FrameAfterEndMarker.Should().Be(
                    expected.Anomalies.Any(a => a.Kind == OaoAnomalyKind.TrailingBytes && InMemoryOaoWalk.FrameFollows(content, a.Offset)), because);
            }
        }
    }

    [Theory]
    [MemberData(nameof(BufferSizes))]
    public void Walk_GarbageEndingWithTheEndMarkerExactlyAtABufferEnd_StillSeesTheMarker(int bufferSize)
    {
        // The scan finds no 0x0A, so the last refill keeps only what the end marker check needs: the last two bytes.
        byte[] content = [.. Enumerable.Repeat((byte)0xEE, bufferSize - 2), 0x5D, 0x7D];

        var (result, _) = WalkStream(content, bufferSize, seed: 1);

        result.Anomalies.Should().Equal(
            new OaoAnomaly(OaoAnomalyKind.Resynchronised, 0, bufferSize - 2, 0xEEEE),
            new OaoAnomaly(OaoAnomalyKind.TrailingBytes, bufferSize - 2, 2, 0x7D5D));
    }

    [Fact]
    public void Walk_FileOfHeaderModeCandidatesEveryTwoBytes_TouchesEachByteAFewTimesNotAtEveryCandidate()
    {
        // One unknown byte, then "D0 0A" pairs: a 512-byte header candidate every 2 bytes, none valid.
        byte[] content = [0x00, .. Enumerable.Repeat<byte[]>([0xD0, 0x0A], 1_500_000).SelectMany(pair => pair)];

        var (result, walk) = WalkSpan(content);
        var (_, streamed) = WalkStream(content, OaoFrameWalker.MinimumBufferSize, seed: 1);

        result.Anomalies.Should().Equal(new OaoAnomaly(OaoAnomalyKind.Resynchronised, 0, content.Length, 0xD000));
        walk.ChecksumBytes.Should().BeLessThan(2L * content.Length);
        streamed.ChecksumBytes.Should().BeLessThan(3L * content.Length);
    }

    [Fact]
    public void Walk_CancelledDuringAResyncOverALargeGarbageStream_StopsWithinAFewBuffers()
    {
        const long CancelAt = 1 << 20;
        using var cancellation = new CancellationTokenSource();
        using var garbage = new PatternStream(1L << 28, [0xD0, 0x0A], first: 0x00);
        garbage.Reading += position =>
        {
            if (position >= CancelAt)
            {
                cancellation.Cancel();
            }
        };
        var walker = new OaoFrameWalker(OaoReaderOptions.Default, new OaoFrameCollector(), new OaoAnomalyLog(), cancellation.Token);

        var walking = () => walker.Walk(garbage);

        walking.Should().Throw<OperationCanceledException>();
        garbage.Position.Should().BeLessThan(CancelAt + (4 * OaoFrameWalker.DefaultBufferSize));
    }

    [Fact]
    public void Walk_AlreadyCancelled_Throws()
    {
        var walker = new OaoFrameWalker(OaoReaderOptions.Default, new OaoFrameCollector(), new OaoAnomalyLog(), new CancellationToken(canceled: true));

        var walking = () => walker.Walk(OaoTestVectors.File(3, out _));

        walking.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Walk_StrayByteAfterEveryFrame_KeepsTheFirstOfEachKindAndCountsEveryOne()
    {
        byte[] content = WithStrayBytes(OaoTestVectors.File(500, out _));
        var log = new OaoAnomalyLog(keptPerKind: 10);

        new OaoFrameWalker(OaoReaderOptions.Default, new OaoFrameCollector(), log).Walk(content);

        var all = new InMemoryOaoWalk(OaoReaderOptions.Default).Walk(content).Anomalies;
        log.Total.Should().Be(all.Count);
        log.CountOf(OaoAnomalyKind.Resynchronised).Should().Be(all.Count(a => a.Kind == OaoAnomalyKind.Resynchronised)).And.BeGreaterThan(400);
        log.BytesOf(OaoAnomalyKind.Resynchronised).Should().Be(all.Where(a => a.Kind == OaoAnomalyKind.Resynchronised).Sum(a => (long)a.ByteCount));
        log.Kept.Should().Equal(all.Where(a => a.Kind == OaoAnomalyKind.Resynchronised).Take(10).Concat(all.Where(a => a.Kind != OaoAnomalyKind.Resynchronised)).OrderBy(a => a.Offset));
        log.Last.Should().Be(all[^1]);
    }

    /// <summary>A file with one stray byte (no mode's) after every frame.</summary>
    internal static byte[] WithStrayBytes(byte[] clean)
    {
        var result = new List<byte>(clean.Length * 2);
        var walk = new InMemoryOaoWalk(OaoReaderOptions.Default).Walk(clean);
        result.AddRange(clean.AsSpan(0, OaoFrame.HeaderLength));
        result.Add(0xEE);
        for (int offset = OaoFrame.HeaderLength; offset < walk.Length; offset += OaoFrame.GnssLength)
        {
            result.AddRange(clean.AsSpan(offset, OaoFrame.GnssLength));
            result.Add(0xEE);
        }

        return [.. result];
    }

    private static (OaoReadResult Result, OaoWalk Walk) WalkSpan(byte[] content)
    {
        var frames = new OaoFrameCollector();
        var walk = new OaoFrameWalker(OaoReaderOptions.Default, frames, OaoAnomalyLog.Unbounded()).Walk(content.AsSpan());
        return (new OaoReadResult((int)walk.Length, frames.Headers, frames.Frames, walk.OtherFrameCount, walk.Anomalies.Kept), walk);
    }

    private static (OaoReadResult Result, OaoWalk Walk) WalkStream(byte[] content, int bufferSize, int seed)
    {
        var frames = new OaoFrameCollector();
        using var stream = new TricklingStream(content, seed);
        var walk = new OaoFrameWalker(OaoReaderOptions.Default, frames, OaoAnomalyLog.Unbounded()).Walk(stream, bufferSize);
        return (new OaoReadResult((int)walk.Length, frames.Headers, frames.Frames, walk.OtherFrameCount, walk.Anomalies.Kept), walk);
    }

    /// <summary>A generated file with 0 to 3 kinds of damage, each at random places.</summary>
    private static byte[] DamagedFile(Random random)
    {
        var bytes = new List<byte>(OaoTestVectors.File(random.Next(0, 120), out _, random.Next()));
        if (random.Next(4) == 0)
        {
            // Frames of other kinds and a second header in the middle.
            int at = FrameBoundary(random, bytes.Count);
            bytes.InsertRange(at, [.. OtherFrames(random)]);
        }

        for (int damage = random.Next(0, 4); damage > 0; damage--)
        {
            Damage(random, bytes);
        }

        return [.. bytes];
    }

    private static int FrameBoundary(Random random, int length) =>
        length <= OaoFrame.HeaderLength ? length : OaoFrame.HeaderLength + (OaoFrame.GnssLength * random.Next(0, ((length - OaoFrame.HeaderLength) / OaoFrame.GnssLength) + 1));

    private static void Damage(Random random, List<byte> bytes)
    {
        int at = random.Next(0, bytes.Count + 1);
        byte[][] strays = [[0xEE], [0x0A], [0xD4, 0x0A], [0xD0, 0x0A], [0x5D, 0x7D], [0x00, 0xD5, 0x0A], [0x7D]];
        switch (random.Next(6))
        {
            case 0 when bytes.Count > 0:
                bytes[Math.Min(at, bytes.Count - 1)] ^= (byte)random.Next(1, 256);
                break;
            case 1:
                bytes.InsertRange(at, strays[random.Next(strays.Length)]);
                break;
            case 2:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 3:
                bytes.InsertRange(FrameBoundary(random, bytes.Count), [0x5D, 0x7D]);
                break;
            case 4:
                int boundary = FrameBoundary(random, bytes.Count);
                if (boundary + 2 <= bytes.Count)
                {
                    bytes[boundary] = 0x34;
                    bytes[boundary + 1] = 0x12;
                }

                break;
            default:
                bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 700)).Select(_ => (byte)(random.Next(3) == 0 ? 0x0A : random.Next(256))));
                break;
        }
    }

    private static byte[] OtherFrames(Random random)
    {
        var header = new byte[OaoFrame.HeaderLength];
        new OaoHeader { Identifier = (ushort)random.Next(1000) }.WriteTo(header);
        var track = new byte[OaoFrame.TrackLength];
        OaoFrame.Seal(track, OaoFrameMode.Track);
        var imu = new byte[OaoFrame.ImuLength];
        random.NextBytes(imu);
        OaoFrame.Seal(imu, OaoFrameMode.Imu);
        return [.. track, .. header, .. imu];
    }

    /// <summary>A stream that gives fewer bytes than asked, at random: refills must not assume full reads.</summary>
    private sealed class TricklingStream(byte[] content, int seed) : MemoryStream(content, writable: false)
    {
        private readonly Random _random = new(seed);

        // MemoryStream.Read(Span) of a derived type comes here too.
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _random.Next(1, 3000)));
    }

    /// <summary>A long stream of a repeated pattern after one first byte, generated as it is read (nothing held).</summary>
    private sealed class PatternStream(long length, byte[] pattern, byte first) : Stream
    {
        private long _position;

        public event Action<long>? Reading;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(Span<byte> buffer)
        {
            Reading?.Invoke(_position);
            int count = (int)Math.Min(buffer.Length, length - _position);
            for (int i = 0; i < count; i++, _position++)
            {
                buffer[i] = _position == 0 ? first : pattern[(_position - 1) % pattern.Length];
            }

            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
