namespace MotionServer.Pipeline.Tracks.Oao;

/// <content>Value equality: the best tables entry by entry, the signature byte by byte.</content>
internal sealed partial record OaoHeader
{
    /// <summary>
    /// True when every field is equal, the best tables entry by entry and the signature byte by byte (an empty
    /// signature equals 64 zero bytes, as the file cannot tell them apart).
    /// </summary>
    /// <param name="other">The header to compare with.</param>
    public bool Equals(OaoHeader? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Identifier == other.Identifier
                && string.Equals(Nickname, other.Nickname, StringComparison.Ordinal)
                && StartDate == other.StartDate
                && StartPosition == other.StartPosition
                && EndDate == other.EndDate
                && EndPosition == other.EndPosition
                && Distance == other.Distance
                && Minimum == other.Minimum
                && Maximum == other.Maximum
                && Above12KnotsMeanSpeed == other.Above12KnotsMeanSpeed
                && Above12KnotsSeconds == other.Above12KnotsSeconds
                && SameTable(BestsOver1s, other.BestsOver1s)
                && SameTable(BestsOver2s, other.BestsOver2s)
                && SameTable(BestsOver10s, other.BestsOver10s)
                && SameTable(BestsOver1h, other.BestsOver1h)
                && SameTable(BestsOver500m, other.BestsOver500m)
                && SameTable(BestsOver1000m, other.BestsOver1000m)
                && SameTable(BestsOver1852m, other.BestsOver1852m)
                && SameTable(GybeMinimum, other.GybeMinimum)
                && ElevationGain == other.ElevationGain
                && Firmware == other.Firmware
                && TimezoneMinutes == other.TimezoneMinutes
                && FrequencyHz == other.FrequencyHz
                && OneLogPerDay == other.OneLogPerDay
                && SameSignature(Signature.Span, other.Signature.Span)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Identifier, Nickname, StartDate, EndDate, Distance, Firmware);

    /// <summary>True when two best tables hold the same entries in the same order.</summary>
    internal static bool SameTable(IReadOnlyList<OaoBest>? left, IReadOnlyList<OaoBest>? right)
    {
        if (left is null || right is null)
        {
            return ReferenceEquals(left, right);
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        for (int i = 0; i < left.Count; i++)
        {
            if (left[i] != right[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameSignature(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        left.SequenceEqual(right)
        || (left.IsEmpty && !right.ContainsAnyExcept((byte)0))
        || (right.IsEmpty && !left.ContainsAnyExcept((byte)0));
}
