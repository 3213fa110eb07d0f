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

    [Fact]
    public void WriteIfChanged_TheBytesTheFileHolds_WritesNothing()
    {
        using var temp = new TemporaryFolder();
        string path = Path.Combine(temp.Path, "settings.json");
        AtomicFile.WriteIfChanged(path, "{\"a\":1}"u8, FileDurability.Durable).Should().BeTrue("there was no file");
        var longAgo = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, longAgo);

        AtomicFile.WriteIfChanged(path, "{\"a\":1}"u8, FileDurability.Durable).Should().BeFalse();

        File.GetLastWriteTimeUtc(path).Should().Be(longAgo, "the file was neither replaced nor written");
        Directory.GetFiles(temp.Path).Should().ContainSingle();
    }

    [Theory]
    [InlineData("{\"a\":2}")] // the same length, one byte different
    [InlineData("{\"a\":12}")] // longer
    [InlineData("{}")] // shorter
    public void WriteIfChanged_OtherBytes_ReplacesTheFile(string content)
    {
        using var temp = new TemporaryFolder();
        string path = Path.Combine(temp.Path, "settings.json");
        AtomicFile.WriteAllText(path, "{\"a\":1}");

        AtomicFile.WriteIfChanged(path, System.Text.Encoding.UTF8.GetBytes(content), FileDurability.Durable).Should().BeTrue();

        File.ReadAllText(path).Should().Be(content);
        Directory.GetFiles(temp.Path).Should().ContainSingle("temporary files never remain");
    }

    [Fact]
    public void WriteIfChanged_AFileLongerThanOneCompareChunk_IsComparedWhole()
    {
        using var temp = new TemporaryFolder();
        string path = Path.Combine(temp.Path, "2025-10-12.json");
        byte[] content = new byte[200_000];
        new Random(7).NextBytes(content);
        AtomicFile.WriteAllBytes(path, content);
        byte[] lastByteOther = [.. content];
        lastByteOther[^1] ^= 0xFF;

        AtomicFile.WriteIfChanged(path, content, FileDurability.Derived).Should().BeFalse();
        AtomicFile.WriteIfChanged(path, lastByteOther, FileDurability.Derived).Should().BeTrue();

        File.ReadAllBytes(path).Should().Equal(lastByteOther);
    }
}
