namespace MotionServer.Pipeline.Storage;

/// <summary>
/// The UTF-8 byte-order mark that Windows tools put at the start of a file they save. System.Text.Json refuses it
/// ("invalid start of a value"), so a ledger or history edited in Notepad would be taken as corrupt: skip it.
/// </summary>
internal static class Utf8Bom
{
    private static readonly byte[] Mark = [0xEF, 0xBB, 0xBF];

    public static ReadOnlyMemory<byte> Skip(ReadOnlyMemory<byte> bytes) =>
        bytes.Span.StartsWith(Mark) ? bytes[Mark.Length..] : bytes;

    public static byte[] Skip(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Mark) ? bytes[Mark.Length..] : bytes;
}
