using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace MotionServer.Pipeline.Tests.Detection.Dns;

/// <summary>DNS messages written by hand for the tests: answers to a query, with the records a test wants.</summary>
internal static class DnsTestMessages
{
    public const int NoError = 0;
    public const int ServerFailure = 2;
    public const int NameError = 3;

    /// <summary>The question's name in a query (uncompressed, as queries are), or null.</summary>
    public static string? QuestionName(ReadOnlySpan<byte> query)
    {
        var labels = new List<string>();
        for (int at = 12; at < query.Length;)
        {
            int length = query[at];
            if (length == 0)
            {
                return string.Join('.', labels);
            }

            if (length > 63 || at + 1 + length > query.Length)
            {
                return null;
            }

            labels.Add(Encoding.ASCII.GetString(query.Slice(at + 1, length)));
            at += 1 + length;
        }

        return null;
    }

    /// <summary>A response to <paramref name="query"/>: its header and question, then <paramref name="records"/>.</summary>
    public static byte[] Response(ReadOnlySpan<byte> query, int rcode, bool truncated = false, ushort? id = null, byte[][]? records = null)
    {
        records ??= [];
        int questionEnd = 12;
        while (query[questionEnd] != 0)
        {
            questionEnd += 1 + query[questionEnd];
        }

        questionEnd += 5;
        var message = new List<byte>(query[..questionEnd].ToArray());
        var header = message.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(header, id ?? BinaryPrimitives.ReadUInt16BigEndian(query));
        ushort flags = (ushort)(0x8000 | 0x0100 | 0x0080 | (truncated ? 0x0200 : 0) | rcode);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), flags);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)records.Length);
        return [.. header, .. records.SelectMany(r => r)];
    }

    /// <summary>An A record for the name at offset 12 (the question's, by a compression pointer).</summary>
    public static byte[] A(IPAddress address, byte[]? owner = null) => Record(owner ?? QuestionPointer, 1, address.GetAddressBytes());

    /// <summary>A CNAME record from <paramref name="owner"/> to <paramref name="target"/>.</summary>
    public static byte[] Cname(byte[] owner, byte[] target) => Record(owner, 5, target);

    /// <summary>A compression pointer to the question's name.</summary>
    public static byte[] QuestionPointer => [0xC0, 12];

    /// <summary>A name written out in labels.</summary>
    public static byte[] Name(string name) =>
        [.. name.Split('.').SelectMany(l => new[] { (byte)l.Length }.Concat(Encoding.ASCII.GetBytes(l))), 0];

    private static byte[] Record(byte[] owner, ushort type, byte[] data)
    {
        var fixedPart = new byte[10];
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart, type);
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart.AsSpan(2), 1); // IN
        BinaryPrimitives.WriteUInt32BigEndian(fixedPart.AsSpan(4), 60); // TTL
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart.AsSpan(8), (ushort)data.Length);
        return [.. owner, .. fixedPart, .. data];
    }
}
