using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Stages;

namespace MotionServer.Pipeline.Tests.Stages;

public sealed class FailurePolicyTests
{
    private const int Samples = 500;

    private static FailurePolicy Policy(double initialSeconds = 2, double maxSeconds = 30, int attention = 3)
    {
        var options = new MotionServerOptions();
        options.Retry.InitialDelay = TimeSpan.FromSeconds(initialSeconds);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(maxSeconds);
        options.Retry.AttemptsBeforeAttention = attention;
        return new FailurePolicy(options);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(4, 16)]
    public void Backoff_DoublesWithEachFailure_WithinTwentyPercent(int attempts, double seconds)
    {
        var policy = Policy(initialSeconds: 2, maxSeconds: 1000);

        var backoffs = Enumerable.Range(0, Samples).Select(_ => policy.Backoff(attempts).TotalSeconds).ToList();

        backoffs.Should().OnlyContain(s => s >= seconds * 0.8 && s <= seconds * 1.2);
    }

    [Fact]
    public void Backoff_IsJittered_BothWays_SoFailingDevicesDoNotRetryInStep()
    {
        var policy = Policy(initialSeconds: 10, maxSeconds: 1000);

        var backoffs = Enumerable.Range(0, Samples).Select(_ => policy.Backoff(1).TotalSeconds).ToList();

        backoffs.Should().Contain(s => s < 9.5).And.Contain(s => s > 10.5, "the jitter spreads ±20 % around the pause");
        backoffs.Distinct().Count().Should().BeGreaterThan(Samples / 2);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(30)]
    [InlineData(int.MaxValue)]
    public void Backoff_IsClampedToTheMaxDelay_JitterIncluded(int attempts)
    {
        var policy = Policy(initialSeconds: 2, maxSeconds: 30);

        var backoffs = Enumerable.Range(0, Samples).Select(_ => policy.Backoff(attempts)).ToList();

        backoffs.Should().OnlyContain(b => b <= TimeSpan.FromSeconds(30) && b >= TimeSpan.FromSeconds(24));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Backoff_BeforeAnyFailure_IsTheInitialDelay(int attempts)
    {
        var policy = Policy(initialSeconds: 2, maxSeconds: 30);

        Enumerable.Range(0, Samples).Select(_ => policy.Backoff(attempts).TotalSeconds).Should().OnlyContain(s => s >= 1.6 && s <= 2.4);
    }

    [Fact]
    public void Attention_IsCalledFor_OnlyAtTheThreshold_AndNeededFromItOn()
    {
        var policy = Policy(attention: 3);

        Enumerable.Range(1, 6).Select(policy.CallsForAttention).Should().Equal(false, false, true, false, false, false);
        Enumerable.Range(1, 6).Select(policy.NeedsAttention).Should().Equal(false, false, true, true, true, true);
    }
}
