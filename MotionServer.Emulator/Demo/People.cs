namespace MotionServer.Emulator.Demo;

/// <summary>Invented competitors: names, crafts and classes for rosters.</summary>
internal static class People
{
    private static readonly string[] FirstNames =
    [
        "Alex", "Sam", "Robin", "Charlie", "Jo", "Morgan", "Kim", "Noa", "Leslie", "Dana", "Rene", "Toni",
        "Jules", "Camille", "Kai", "Luca", "Mika", "Sasha", "Eden", "Ariel", "Remy", "Jamie", "Nico", "Maxime",
    ];

    private static readonly string[] FamilyNames =
    [
        "Example", "Sample", "Tester", "Placeholder", "Mock", "Dummy", "Fixture", "Stub", "Proto", "Model",
        "Pattern", "Draft", "Sketch", "Outline", "Trial", "Pilot", "Specimen", "Instance", "Replica", "Token",
    ];

    private static readonly string[] Crafts = ["Sailboard", "Sailboard", "Sailboard", "Kiteboard", "Windfoil", "Wingfoil"];

    private static readonly string[] Classes = ["", "", "", "Masters", "Women", "Youth"];

    /// <summary>A roster row for a competitor wearing device <paramref name="motionId"/>.</summary>
    public static RosterRow Row(Random random, int index, int motionId, DateOnly start, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(random);
        string first = FirstNames[random.Next(FirstNames.Length)];
        string family = FamilyNames[random.Next(FamilyNames.Length)];
        return new RosterRow
        {
            EntrantId = 1001 + index,
            Tally = index + 1,
            MotionId = motionId,
            StartDate = start,
            EndDate = end,
            FileId = FileId(first, family, motionId),
            FirstName = first,
            FamilyName = family,
            CraftType = Crafts[random.Next(Crafts.Length)],
            Class = Classes[random.Next(Classes.Length)],
            Status = random.Next(3) == 0 ? "Amateur Fleet" : "Pro Fleet",
            EntryType = "All Week",
        };
    }

    /// <summary>A File ID like <c>EXA801ALE</c>: family name, device, first name.</summary>
    public static string FileId(string first, string family, int motionId) =>
        $"{Letters(family)}{motionId.ToString(System.Globalization.CultureInfo.InvariantCulture)}{Letters(first)}";

    /// <summary>Initials for a device's <c>username</c>.</summary>
    public static string Nickname(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return string.Concat(Enumerable.Range(0, 3).Select(_ => (char)('A' + random.Next(26))));
    }

    private static string Letters(string name) => name.Length >= 3 ? name[..3].ToUpperInvariant() : name.ToUpperInvariant().PadRight(3, 'X');
}
