using System.Buffers.Binary;
using System.Net;

namespace MotionServer.Pipeline.Detection.Dns;

/// <summary>
/// The DNS messages detection exchanges (RFC 1035): an A query for one name, and the reading of its answer. Reading is
/// total: any bytes at all (truncated, compressed, looping, lying about their counts) give a <see cref="DnsAnswer"/>,
/// never an exception, since they come from the network.
/// </summary>
internal static class DnsMessage
{
    /// <summary>Room for any query: the header, a name of at most 255 bytes, its type and class.</summary>
    public const int MaxQueryLength = HeaderLength + MaxNameLength + 4;

    /// <summary>The largest answer over UDP without EDNS; a longer one is truncated (TC) by the server.</summary>
    public const int MaxUdpLength = 512;

    private const int HeaderLength = 12;
    private const int MaxNameLength = 255;
    private const int MaxLabelLength = 63;
    private const int MaxPointerJumps = 32; // more than any honest name needs; stops loops of compression pointers
    private const ushort TypeA = 1;
    private const ushort TypeCname = 5;
    private const ushort ClassIn = 1;
    private const ushort FlagResponse = 0x8000;
    private const ushort FlagTruncated = 0x0200;
    private const ushort FlagRecursionDesired = 0x0100;
    private const ushort OpcodeMask = 0x7800;
    private const int RcodeMask = 0x000F;
    private const int RcodeNameError = 3;

    /// <summary>
    /// Writes an A query (recursion desired, one question, class IN) for <paramref name="name"/>; its length, or 0 when
    /// the name cannot be asked over DNS as written (not ASCII, an empty label, a label over 63 bytes, over 253 bytes).
    /// </summary>
    public static int WriteQuery(Span<byte> buffer, ushort id, string name)
    {
        if (buffer.Length < MaxQueryLength || name.Length is 0 or > MaxNameLength - 2)
        {
            return 0;
        }

        BinaryPrimitives.WriteUInt16BigEndian(buffer, id);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], FlagRecursionDesired);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[4..], 1); // one question
        buffer[6..HeaderLength].Clear(); // no answers, authorities or additional records
        int at = HeaderLength;
        foreach (var label in name.AsSpan().Split('.'))
        {
            var text = name.AsSpan(label);
            if (text.Length is 0 or > MaxLabelLength || !System.Text.Ascii.IsValid(text))
            {
                return 0;
            }

            buffer[at++] = (byte)text.Length;
            at += System.Text.Encoding.ASCII.GetBytes(text, buffer[at..]);
        }

        buffer[at++] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(buffer[at..], TypeA);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[(at + 2)..], ClassIn);
        return at + 4;
    }

    /// <summary>The id of a message, or null when it is too short to have one.</summary>
    public static ushort? IdOf(ReadOnlySpan<byte> message) =>
        message.Length >= HeaderLength ? BinaryPrimitives.ReadUInt16BigEndian(message) : null;

    /// <summary>
    /// What <paramref name="message"/> answers to the A question for <paramref name="name"/> with <paramref name="id"/>:
    /// <see cref="DnsOutcome.NotOurs"/> unless it is a response with that id echoing that question (names compared
    /// without regard to case, as DNS does). Addresses are taken from A records of the name or of a name it is an
    /// alias of (CNAME records, in the order servers give them: each before the records of its target).
    /// </summary>
    public static DnsAnswer ReadAnswer(ReadOnlySpan<byte> message, ushort id, string name)
    {
        if (message.Length < HeaderLength || BinaryPrimitives.ReadUInt16BigEndian(message) != id)
        {
            return DnsAnswer.Of(DnsOutcome.NotOurs);
        }

        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        int questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        int answers = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        if ((flags & FlagResponse) == 0 || (flags & OpcodeMask) != 0 || questions != 1)
        {
            return DnsAnswer.Of(DnsOutcome.NotOurs);
        }

        Span<byte> asked = stackalloc byte[MaxNameLength];
        int at = EchoedQuestionEnd(message, name, asked, out int askedLength);
        if (at < 0)
        {
            return DnsAnswer.Of(DnsOutcome.NotOurs);
        }

        if ((flags & FlagTruncated) != 0)
        {
            return DnsAnswer.Of(DnsOutcome.Truncated);
        }

        return (flags & RcodeMask) switch
        {
            0 => Addresses(message, at, answers, asked[..askedLength]),
            RcodeNameError => DnsAnswer.Of(DnsOutcome.NoSuchName),
            _ => DnsAnswer.Of(DnsOutcome.ServerFailure),
        };
    }

    /// <summary>Where the question ends when it is ours (the name, type A, class IN), else -1; the name read, in lower case.</summary>
    private static int EchoedQuestionEnd(ReadOnlySpan<byte> message, string name, Span<byte> asked, out int askedLength)
    {
        int end = ReadName(message, HeaderLength, asked, out askedLength);
        if (end < 0 || end + 4 > message.Length || !SameName(asked[..askedLength], name)
            || BinaryPrimitives.ReadUInt16BigEndian(message[end..]) != TypeA
            || BinaryPrimitives.ReadUInt16BigEndian(message[(end + 2)..]) != ClassIn)
        {
            return -1;
        }

        return end + 4;
    }

    /// <summary>The A records for <paramref name="owner"/> or its aliases among the first <paramref name="count"/> records.</summary>
    private static DnsAnswer Addresses(ReadOnlySpan<byte> message, int at, int count, ReadOnlySpan<byte> owner)
    {
        Span<byte> current = stackalloc byte[MaxNameLength]; // the name the chain of aliases has reached
        owner.CopyTo(current);
        int currentLength = owner.Length;
        Span<byte> recordName = stackalloc byte[MaxNameLength];
        List<IPAddress>? found = null;
        for (int i = 0; i < count; i++)
        {
            int end = ReadName(message, at, recordName, out int recordLength);
            if (end < 0 || end + 10 > message.Length)
            {
                break; // a record cut short: keep what came before it
            }

            ushort type = BinaryPrimitives.ReadUInt16BigEndian(message[end..]);
            ushort @class = BinaryPrimitives.ReadUInt16BigEndian(message[(end + 2)..]);
            int dataLength = BinaryPrimitives.ReadUInt16BigEndian(message[(end + 8)..]);
            int data = end + 10;
            if (data + dataLength > message.Length)
            {
                break;
            }

            at = data + dataLength;
            if (@class != ClassIn || !recordName[..recordLength].SequenceEqual(current[..currentLength]))
            {
                continue;
            }

            if (type == TypeA && dataLength == 4)
            {
                (found ??= new List<IPAddress>(1)).Add(new IPAddress(message.Slice(data, 4)));
            }
            else if (type == TypeCname && ReadName(message, data, current, out int targetLength) > 0)
            {
                currentLength = targetLength;
            }
        }

        return found is null ? DnsAnswer.Of(DnsOutcome.NoAddress) : new DnsAnswer(DnsOutcome.Found, [.. found]);
    }

    /// <summary>
    /// Reads the name at <paramref name="at"/> into <paramref name="name"/> (lower case, labels joined by dots);
    /// where the name ends in the message (after a first compression pointer), or -1 when it is malformed.
    /// </summary>
    private static int ReadName(ReadOnlySpan<byte> message, int at, Span<byte> name, out int length)
    {
        length = 0;
        int end = -1;
        for (int jumps = 0; at < message.Length;)
        {
            int label = message[at];
            if (label == 0)
            {
                return end < 0 ? at + 1 : end;
            }

            if ((label & 0xC0) == 0xC0)
            {
                if (at + 1 >= message.Length || ++jumps > MaxPointerJumps)
                {
                    return -1;
                }

                end = end < 0 ? at + 2 : end;
                at = ((label & 0x3F) << 8) | message[at + 1];
                continue;
            }

            if ((label & 0xC0) != 0 || at + 1 + label > message.Length || !AppendLabel(message.Slice(at + 1, label), name, ref length))
            {
                return -1; // extended label types, a label past the end, a name over 255 bytes
            }

            at += 1 + label;
        }

        return -1;
    }

    private static bool AppendLabel(ReadOnlySpan<byte> label, Span<byte> name, ref int length)
    {
        int needed = label.Length + (length > 0 ? 1 : 0);
        if (length + needed > name.Length)
        {
            return false;
        }

        if (length > 0)
        {
            name[length++] = (byte)'.';
        }

        foreach (byte b in label)
        {
            name[length++] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
        }

        return true;
    }

    /// <summary>Whether a name read (lower case) is <paramref name="name"/>, without regard to ASCII case.</summary>
    private static bool SameName(ReadOnlySpan<byte> read, string name)
    {
        if (read.Length != name.Length)
        {
            return false;
        }

        for (int i = 0; i < read.Length; i++)
        {
            if (read[i] != char.ToLowerInvariant(name[i]))
            {
                return false;
            }
        }

        return true;
    }
}
