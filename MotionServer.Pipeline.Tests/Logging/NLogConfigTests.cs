using MotionServer.Pipeline.Tests.Documentation;
using NLog;
using NLog.Config;
using NLog.Targets;

namespace MotionServer.Pipeline.Tests.Logging;

/// <summary>The repository's nlog.config, as the host ships it: an event week must never fill the disk with logs (issue 17).</summary>
public sealed class NLogConfigTests
{
    [Fact]
    public void TheLogFile_Rolls_AndKeepsABoundedNumberOfOldFiles()
    {
        var factory = new NLog.LogFactory();
        factory.Setup().SetupExtensions(e => e.RegisterLayoutRenderer("contract-level", _ => "INFO"));
        var config = new XmlLoggingConfiguration(RepositoryFiles.PathOf("nlog.config"), factory);

        var file = config.AllTargets.OfType<FileTarget>().Should().ContainSingle().Subject;

        file.ArchiveAboveSize.Should().BeInRange(1, 64L * 1024 * 1024, "the file rolls before it grows large");
        file.MaxArchiveFiles.Should().BeInRange(1, 50, "old files are deleted past a bound");
        (file.ArchiveAboveSize * (file.MaxArchiveFiles + 1)).Should().BeLessThanOrEqualTo(1L << 30, "the logs never take more than 1 GiB");
    }
}
