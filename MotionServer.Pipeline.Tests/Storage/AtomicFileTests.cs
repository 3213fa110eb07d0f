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
                reads++;
            }
        });

        for (int i = 1; i <= 200; i++)
        {
            AtomicFile.WriteAllText(path, Version(i));
        }

        await stop.CancelAsync();
        await reader.WaitAsync(TimeSpan.FromSeconds(30));
        reads.Should().BeGreaterThan(0);
        File.ReadAllText(path).Should().Be(Version(200));
        Directory.GetFiles(temp.Path).Should().ContainSingle("temporary files never remain");
    }
}
