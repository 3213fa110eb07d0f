using System.Buffers.Binary;
using System.Text;
using Layout = MotionServer.Pipeline.Tracks.Oao.OaoHeaderLayout;

namespace MotionServer.Pipeline.Tracks.Oao;

/// <content>Reading and writing the 512 bytes.</content>
internal sealed partial record OaoHeader
{
    /// <summary>Reads a header frame; the mode and checksum are not checked here (the reader does that).</summary>
    /// <param name="frame">At least <see cref="OaoFrame.HeaderLength"/> bytes.</param>
    public static OaoHeader Read(ReadOnlySpan<byte> frame)
    {
        OaoFrame.RequireLength(frame.Length, OaoFrame.HeaderLength, nameof(frame));
        var signature = frame.Slice(Layout.Signature, Layout.SignatureLength);
        return new OaoHeader
        {
            Identifier = BinaryPrimitives.ReadUInt16LittleEndian(frame[Layout.Identifier..]),
            Nickname = ReadNickname(frame.Slice(Layout.Nickname, Layout.NicknameLength)),
            StartDate = BinaryPrimitives.ReadInt64LittleEndian(frame[Layout.StartDate..]),
            StartPosition = ReadPosition(frame[Layout.StartPosition..]),
            EndDate = BinaryPrimitives.ReadInt64LittleEndian(frame[Layout.EndDate..]),
            EndPosition = ReadPosition(frame[Layout.EndPosition..]),
            Distance = BinaryPrimitives.ReadUInt32LittleEndian(frame[Layout.Distance..]),
            Minimum = ReadExtremes(frame[Layout.Minimum..]),
            Maximum = ReadExtremes(frame[Layout.Maximum..]),
            Above12KnotsMeanSpeed = BinaryPrimitives.ReadUInt32LittleEndian(frame[Layout.Above12KnotsMeanSpeed..]),
            Above12KnotsSeconds = BinaryPrimitives.ReadUInt32LittleEndian(frame[Layout.Above12KnotsSeconds..]),
            BestsOver1s = ReadBests(frame[Layout.BestsOver1s..]),
            BestsOver10s = ReadBests(frame[Layout.BestsOver10s..]),
            BestsOver1h = ReadBests(frame[Layout.BestsOver1h..]),
            BestsOver500m = ReadBests(frame[Layout.BestsOver500m..]),
            BestsOver1000m = ReadBests(frame[Layout.BestsOver1000m..]),
            BestsOver1852m = ReadBests(frame[Layout.BestsOver1852m..]),
            GybeMinimum = ReadBests(frame[Layout.GybeMinimum..]),
            ElevationGain = BinaryPrimitives.ReadUInt32LittleEndian(frame[Layout.ElevationGain..]),
            BestsOver2s = ReadBests(frame[Layout.BestsOver2s..]),
            Firmware = BinaryPrimitives.ReadUInt16LittleEndian(frame[Layout.Firmware..]),
            TimezoneMinutes = BinaryPrimitives.ReadInt16LittleEndian(frame[Layout.Timezone..]),
            FrequencyHz = frame[Layout.Frequency],
            OneLogPerDay = frame[Layout.OneLogPerDay] != 0,
            Signature = signature.ContainsAnyExcept((byte)0) ? signature.ToArray() : ReadOnlyMemory<byte>.Empty,
        };
    }

    /// <summary>
    /// Writes the whole frame, mode and checksum included; the unused area is zero. Throws
    /// <see cref="InvalidOperationException"/> when a value does not fit its field (nickname, best table, signature).
    /// </summary>
    /// <param name="destination">At least <see cref="OaoFrame.HeaderLength"/> bytes; exactly that many are written.</param>
    public void WriteTo(Span<byte> destination)
    {
        OaoFrame.RequireLength(destination.Length, OaoFrame.HeaderLength, nameof(destination));
        var frame = destination[..OaoFrame.HeaderLength];
        frame.Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(frame[Layout.Identifier..], Identifier);
        WriteNickname(frame.Slice(Layout.Nickname, Layout.NicknameLength), Nickname);
        BinaryPrimitives.WriteInt64LittleEndian(frame[Layout.StartDate..], StartDate);
        WritePosition(frame[Layout.StartPosition..], StartPosition);
        BinaryPrimitives.WriteInt64LittleEndian(frame[Layout.EndDate..], EndDate);
        WritePosition(frame[Layout.EndPosition..], EndPosition);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[Layout.Distance..], Distance);
        WriteExtremes(frame[Layout.Minimum..], Minimum);
        WriteExtremes(frame[Layout.Maximum..], Maximum);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[Layout.Above12KnotsMeanSpeed..], Above12KnotsMeanSpeed);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[Layout.Above12KnotsSeconds..], Above12KnotsSeconds);
        WriteBests(frame[Layout.BestsOver1s..], BestsOver1s, nameof(BestsOver1s));
        WriteBests(frame[Layout.BestsOver10s..], BestsOver10s, nameof(BestsOver10s));
        WriteBests(frame[Layout.BestsOver1h..], BestsOver1h, nameof(BestsOver1h));
        WriteBests(frame[Layout.BestsOver500m..], BestsOver500m, nameof(BestsOver500m));
        WriteBests(frame[Layout.BestsOver1000m..], BestsOver1000m, nameof(BestsOver1000m));
        WriteBests(frame[Layout.BestsOver1852m..], BestsOver1852m, nameof(BestsOver1852m));
        WriteBests(frame[Layout.GybeMinimum..], GybeMinimum, nameof(GybeMinimum));
        BinaryPrimitives.WriteUInt32LittleEndian(frame[Layout.ElevationGain..], ElevationGain);
        WriteBests(frame[Layout.BestsOver2s..], BestsOver2s, nameof(BestsOver2s));
        BinaryPrimitives.WriteUInt16LittleEndian(frame[Layout.Firmware..], Firmware);
        BinaryPrimitives.WriteInt16LittleEndian(frame[Layout.Timezone..], TimezoneMinutes);
        frame[Layout.Frequency] = FrequencyHz;
        frame[Layout.OneLogPerDay] = OneLogPerDay ? (byte)1 : (byte)0;
        WriteSignature(frame.Slice(Layout.Signature, Layout.SignatureLength), Signature.Span);
        OaoFrame.Seal(frame, OaoFrameMode.Header);
    }

    private static string ReadNickname(ReadOnlySpan<byte> field)
    {
        int end = field.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? field : field[..end]);
    }

    private static void WriteNickname(Span<byte> field, string nickname)
    {
        if (nickname is null)
        {
            throw new InvalidOperationException("The nickname is null.");
        }

        if (nickname.Length > field.Length || !Ascii.IsValid(nickname) || nickname.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The nickname must be ASCII, without NUL, and at most {field.Length} characters: '{nickname}'.");
        }

        Encoding.ASCII.GetBytes(nickname, field);
    }

    private static OaoPosition ReadPosition(ReadOnlySpan<byte> field) => new(
        BinaryPrimitives.ReadInt32LittleEndian(field),
        BinaryPrimitives.ReadInt32LittleEndian(field[4..]),
        BinaryPrimitives.ReadInt32LittleEndian(field[8..]));

    private static void WritePosition(Span<byte> field, OaoPosition position)
    {
        BinaryPrimitives.WriteInt32LittleEndian(field, position.Latitude);
        BinaryPrimitives.WriteInt32LittleEndian(field[4..], position.Longitude);
        BinaryPrimitives.WriteInt32LittleEndian(field[8..], position.Altitude);
    }

    private static OaoExtremes ReadExtremes(ReadOnlySpan<byte> field) => new(
        BinaryPrimitives.ReadInt32LittleEndian(field),
        BinaryPrimitives.ReadInt32LittleEndian(field[4..]),
        BinaryPrimitives.ReadInt32LittleEndian(field[8..]),
        BinaryPrimitives.ReadUInt32LittleEndian(field[12..]));

    private static void WriteExtremes(Span<byte> field, OaoExtremes extremes)
    {
        BinaryPrimitives.WriteInt32LittleEndian(field, extremes.Latitude);
        BinaryPrimitives.WriteInt32LittleEndian(field[4..], extremes.Longitude);
        BinaryPrimitives.WriteInt32LittleEndian(field[8..], extremes.Altitude);
        BinaryPrimitives.WriteUInt32LittleEndian(field[12..], extremes.Speed);
    }

    /// <summary>Reads a table of 5 entries, dropping the all-zero entries at its end (a table may hold fewer than 5).</summary>
    private static OaoBest[] ReadBests(ReadOnlySpan<byte> field)
    {
        var entries = new OaoBest[Layout.BestEntries];
        int count = 0;
        for (int i = 0; i < entries.Length; i++)
        {
            var entry = field.Slice(i * Layout.BestEntryLength, Layout.BestEntryLength);
            entries[i] = new OaoBest(
                BinaryPrimitives.ReadUInt32LittleEndian(entry),
                BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]));
            if (entries[i] != default)
            {
                count = i + 1;
            }
        }

        return count == entries.Length ? entries : entries[..count];
    }

    private static void WriteBests(Span<byte> field, IReadOnlyList<OaoBest> table, string name)
    {
        if (table is null)
        {
            throw new InvalidOperationException($"The best table {name} is null.");
        }

        if (table.Count > Layout.BestEntries)
        {
            throw new InvalidOperationException($"A best table holds at most {Layout.BestEntries} entries; {name} has {table.Count}.");
        }

        for (int i = 0; i < table.Count; i++)
        {
            var entry = field.Slice(i * Layout.BestEntryLength, Layout.BestEntryLength);
            BinaryPrimitives.WriteUInt32LittleEndian(entry, table[i].UtcSeconds);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], table[i].Value);
        }
    }

    private static void WriteSignature(Span<byte> field, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 0 && signature.Length != field.Length)
        {
            throw new InvalidOperationException($"The signature is {field.Length} bytes (or empty); {signature.Length} given.");
        }

        signature.CopyTo(field);
    }
}
