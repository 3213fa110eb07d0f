using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Storage;

public class EventFolderLockTests
{
    [Fact]
    public void Acquire_WhileHeld_IsRefusedNamingTheHolder_AndFreeAfterRelease()
    {
        using var temp = new TemporaryFolder();
        var first = EventFolderLock.Acquire(temp.Path);

        var second = () => EventFolderLock.Acquire(temp.Path);

        second.Should().Throw<EventFolderLockedException>()
            .Which.Message.Should().Contain($"process {Environment.ProcessId}").And.Contain("already running");
        first.Dispose();
        using var third = EventFolderLock.Acquire(temp.Path);
        third.EventDirectory.Should().Be(temp.Path);
    }
}
