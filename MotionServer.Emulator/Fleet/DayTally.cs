using System.Globalization;

namespace MotionServer.Emulator.Fleet;

/// <summary>What a wave, or a whole <see cref="CompressedDay"/>, came to.</summary>
/// <param name="Joins">Visits: a device joined the network.</param>
/// <param name="Served">Visits in which the server asked for the device's logs and had every track of it by then.</param>
internal readonly record struct DayTally(int Joins, int Served)
{
    /// <summary>Visits the server did not serve within the patience.</summary>
    public int NotServed => Joins - Served;

    public static DayTally operator +(DayTally a, DayTally b) => new(a.Joins + b.Joins, a.Served + b.Served);

    public static DayTally Add(DayTally a, DayTally b) => a + b;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Joins} joins, {Served} served, {NotServed} not served");
}
