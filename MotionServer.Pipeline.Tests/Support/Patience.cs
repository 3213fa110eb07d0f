namespace MotionServer.Pipeline.Tests.Support;

/// <summary>How long a unit test waits, in real time, for something that should happen at once: a deadlock or a hang fails fast.</summary>
internal static class Patience
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
}
