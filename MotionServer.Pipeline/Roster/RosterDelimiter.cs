namespace MotionServer.Pipeline.Roster;

/// <summary>
/// Tells from a roster's header line how its columns are separated: the most frequent of comma, semicolon and tab
/// outside quotes (a header names several columns, so the separator is always among its characters). A comma wins
/// a tie: it is what the roster format documents.
/// </summary>
internal static class RosterDelimiter
{
    private static readonly char[] Candidates = [',', ';', '\t'];

    /// <summary>The delimiter of the first non-blank line of <paramref name="content"/>.</summary>
    public static char Detect(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var header = HeaderLine(content);
        var counts = new int[Candidates.Length];
        bool quoted = false;
        foreach (char c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
                continue;
            }

            int index = Array.IndexOf(Candidates, c);
            if (!quoted && index >= 0)
            {
                counts[index]++;
            }
        }

        int best = 0;
        for (int i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return Candidates[best];
    }

    private static ReadOnlySpan<char> HeaderLine(string content)
    {
        var rest = content.AsSpan();
        while (rest.Length > 0)
        {
            int end = rest.IndexOfAny('\r', '\n');
            var line = end < 0 ? rest : rest[..end];
            if (!line.IsWhiteSpace())
            {
                return line;
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return [];
    }
}
