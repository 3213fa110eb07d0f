namespace MotionServer.Emulator;

/// <summary>Command line of the emulated fleet (placeholder until the emulator lands).</summary>
internal static class EmulatorProgram
{
    public static int Main() => 0;
}
