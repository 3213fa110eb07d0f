namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>A file refused by a <c>Reject</c> policy of <see cref="OaoReaderOptions"/>; <see cref="Offset"/> says where.</summary>
internal sealed class OaoFormatException : Exception
{
    /// <summary>Creates the exception for the trouble at an offset.</summary>
    public OaoFormatException(string message, int offset)
        : base(message)
    {
        Offset = offset;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public OaoFormatException(string message)
        : this(message, -1)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public OaoFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Offset = -1;
    }

    /// <summary>Creates an empty exception (for serializers).</summary>
    public OaoFormatException()
        : this("the OAO file is not valid")
    {
    }

    /// <summary>Offset in the file of the refused frame or byte; −1 when unknown.</summary>
    public int Offset { get; }
}
