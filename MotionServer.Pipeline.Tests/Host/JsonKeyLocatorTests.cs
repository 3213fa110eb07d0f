using MotionServer.Host.Configuration;

namespace MotionServer.Pipeline.Tests.Host;

public class JsonKeyLocatorTests
{
    private const string Json = """
        {
          // comment
          "MotionServer": {
            "Network": { "Port": 80 },
            "Download": {
              "Workers": 0
            },
            "ApprovedFirmware": [
              "a",
              "b"
            ]
          }
        }
        """;

    [Theory]
    [InlineData("MotionServer:Download:Workers", 6)]
    [InlineData("motionserver:network:port", 4)]
    [InlineData("MotionServer:ApprovedFirmware:1", 10)]
    [InlineData("MotionServer:ApprovedFirmware", 8)]
    public void FindLine_KnownKeys_GiveTheirLine(string key, int line)
    {
        JsonKeyLocator.FindLine(Json, key).Should().Be(line);
    }

    [Fact]
    public void FindLine_UnknownKey_IsNull()
    {
        JsonKeyLocator.FindLine(Json, "MotionServer:Download:Nope").Should().BeNull();
    }
}
