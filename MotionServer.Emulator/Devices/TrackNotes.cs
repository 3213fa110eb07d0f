namespace MotionServer.Emulator.Devices;

/// <summary>The free-text fields of a logs.json entry.</summary>
internal sealed record TrackNotes(string Spot = "", string Wind = "", string Board = "", string Sail = "", string Fin = "")
{
    /// <summary>All empty, as devices usually send them.</summary>
    public static TrackNotes Empty { get; } = new();
}
