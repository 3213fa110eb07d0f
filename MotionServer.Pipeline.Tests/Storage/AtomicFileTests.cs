using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Storage;

public class AtomicFileTests
{
    [Fact]
    public async Task WriteAllText_WhileAReaderLoops_ReaderOnlyEverSeesWholeVersions()
    {
        using var temp = new TemporaryFolder();
        string path = Path.Combine(temp.Path, "page.html");
        string Version(int i) => $"<html>{i}{new string('x', 200_000)}</html>";
        AtomicFile.WriteAllText(path, Version(0));
        using var stop = new CancellationTokenSource();
        int reads = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                string text = File.ReadAllText(path);
                text.Should().StartWith("<html>").And.EndWith("</html>");
                text.Length.Should().BeGreaterThan(200_000);
                Interlocked.Increment(ref reads);
            }
        });

        // Write at least 200 versions, and go on until the reader has read many times while writes ran
        // (on a loaded machine the reader may start late); a reader that never gets going fails the wait.
        int version = 0;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (version < 200 || Volatile.Read(ref reads) < 50)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the reader should get to read while the writes run");
            reader.IsFaulted.Should().BeFalse();
            AtomicFile.WriteAllText(path, Version(++version));
        }

        await stop.CancelAsync();
        await reader.WaitAsync(TimeSpan.FromSeconds(30));
        File.ReadAllText(path).Should().Be(Version(version));
        Directory.GetFiles(temp.Path).Should().ContainSingle("temporary files never remain");
    }
}
