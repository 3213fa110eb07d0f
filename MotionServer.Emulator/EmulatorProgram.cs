namespace MotionServer.Emulator;

/// <summary>Command line of the emulated fleet.</summary>
internal static class EmulatorProgram
{
    public static int Main() => 0;
}
