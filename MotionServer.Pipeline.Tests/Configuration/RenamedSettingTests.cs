using Microsoft.Extensions.Configuration;
using MotionServer.Pipeline.Configuration;

namespace MotionServer.Pipeline.Tests.Configuration;

/// <summary>Download:AttemptsBeforeAttention is now Retry:AttemptsBeforeAttention (it counts inspection failures too).</summary>
public class RenamedSettingTests
{
    private static MotionServerOptionsReadResult Read(params (string Key, string Value)[] values) =>
        MotionServerOptionsReader.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build()
            .GetSection("MotionServer"));

    [Fact]
    public void TheOldKey_StillWorks_WithAWarningThatNamesTheNewOne()
    {
        var result = Read(("MotionServer:Download:AttemptsBeforeAttention", "5"));

        result.Problems.Should().BeEmpty();
        result.Options.Retry.AttemptsBeforeAttention.Should().Be(5);
        result.Warnings.Select(w => w.ToString()).Should().ContainSingle().Which.Should().Be(
            "MotionServer:Download:AttemptsBeforeAttention = \"5\": now MotionServer:Retry:AttemptsBeforeAttention; the old name still works, the new one wins when both are given");
    }

    [Fact]
    public void BothKeys_TheNewOneWins()
    {
        var result = Read(("MotionServer:Retry:AttemptsBeforeAttention", "7"), ("MotionServer:Download:AttemptsBeforeAttention", "5"));

        result.Options.Retry.AttemptsBeforeAttention.Should().Be(7);
        result.Warnings.Should().ContainSingle();
    }

    [Fact]
    public void TheOldKey_OutOfRange_IsSaidUnderItsNewName()
    {
        Read(("MotionServer:Download:AttemptsBeforeAttention", "0")).Problems.Select(p => p.ToString()).Should().ContainSingle()
            .Which.Should().Be("MotionServer:Retry:AttemptsBeforeAttention = \"0\": must be between 1 and 1000");
    }

    [Fact]
    public void TheNewKey_AloneGivesNoWarning()
    {
        var result = Read(("MotionServer:Retry:AttemptsBeforeAttention", "4"));

        result.Options.Retry.AttemptsBeforeAttention.Should().Be(4);
        result.Warnings.Should().BeEmpty();
    }

#pragma warning disable CS0618 // the renamed property, as an embedder's code may still use it
    [Fact]
    public void TheOldPropertyInCode_IsTheNewOne()
    {
        var options = new MotionServerOptions();
        options.Download.AttemptsBeforeAttention = 6;

        options.Retry.AttemptsBeforeAttention.Should().Be(6);
    }
#pragma warning restore CS0618
}
