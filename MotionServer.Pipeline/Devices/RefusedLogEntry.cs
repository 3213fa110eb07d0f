namespace MotionServer.Pipeline.Devices;

/// <summary>A logs.json entry that cannot be a track, refused on its own (the device's other entries carry on).</summary>
/// <param name="Index">Its position in the <c>logs</c> list, from 0.</param>
/// <param name="File">Its <c>file</c>, when that much could be read (untrusted text: escape before logging).</param>
/// <param name="Reason">Why it was refused, e.g. <c>size -5 is out of range (1 to 1099511627776)</c>.</param>
internal sealed record RefusedLogEntry(int Index, string? File, string Reason);
