using MotionServer.Pipeline.Versioning;

namespace MotionServer.Pipeline.Tests.Versioning;

public sealed class ProductVersionTests
{
    [Fact]
    public void Parse_VersionWithCommit_ShowsTheShortCommit()
    {
        var version = ProductVersion.Parse("0.2.0+37fc6772b9787d95faea6f97551160778d292c02");

        version.Version.Should().Be("0.2.0");
        version.Commit.Should().Be("37fc6772b9787d95faea6f97551160778d292c02");
        version.Text.Should().Be("0.2.0+37fc677");
    }

    [Theory]
    [InlineData("0.2.0", "0.2.0")]
    [InlineData("0.2.0+", "0.2.0")]
    [InlineData("0.3.0-beta.1+abc", "0.3.0-beta.1+abc")]
    [InlineData(null, "0.0.0")]
    [InlineData("  ", "0.0.0")]
    public void Parse_WithoutGitOrWithShortMetadata_DegradesToWhatIsKnown(string? informational, string text)
    {
        ProductVersion.Parse(informational).Text.Should().Be(text);
    }

    [Fact]
    public void Current_ThisBuild_HasTheVersionOfTheBuildProps()
    {
        ProductVersion.Current.Version.Should().MatchRegex(@"^[0-9]+\.[0-9]+\.[0-9]+");
        ProductVersion.Current.Text.Should().StartWith(ProductVersion.Current.Version);
    }
}
