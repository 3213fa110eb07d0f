using System.Net.Sockets;

namespace MotionServer.Pipeline.Tests.Download;

/// <summary>How a <see cref="ScriptedBody"/> ends once its bytes are served.</summary>
internal enum BodyEnding
{
    /// <summary>The body ends (a read returns 0).</summary>
    End,

    /// <summary>The connection is reset: the next read throws an <see cref="IOException"/> over a <see cref="SocketException"/>.</summary>
    Reset,

    /// <summary>No more bytes ever come: the next read waits until it is cancelled.</summary>
    Silence,
}

/// <summary>A response body served in chunks of at most <paramref name="chunk"/> bytes, then ended as scripted.</summary>
/// <param name="content">The bytes served before the ending.</param>
/// <param name="ending">What comes after them.</param>
/// <param name="chunk">The most bytes one read returns.</param>
/// <param name="beforeEachRead">Called before every read (a test moves its fake clock here).</param>
internal sealed class ScriptedBody(byte[] content, BodyEnding ending, int chunk = 50_000, Action? beforeEachRead = null) : Stream
{
    public const string ResetMessage = "Unable to read data from the transport connection: Connection reset by peer.";

    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        beforeEachRead?.Invoke();
        cancellationToken.ThrowIfCancellationRequested();
        if (_position < content.Length)
        {
            int count = Math.Min(Math.Min(chunk, buffer.Length), content.Length - _position);
            content.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        switch (ending)
        {
            case BodyEnding.Reset:
                throw new IOException(ResetMessage, new SocketException((int)SocketError.ConnectionReset));
            case BodyEnding.Silence:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return 0;
            default:
                return 0;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
