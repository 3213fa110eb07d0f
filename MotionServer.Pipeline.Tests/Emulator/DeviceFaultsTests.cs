using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Faults;

namespace MotionServer.Pipeline.Tests.Emulator;

public sealed class DeviceFaultsTests
{
    private const string Track = "/logs/2025/10/0817_2025-10-12-1102.oao";

    [Theory]
    [InlineData(nameof(FaultKind.Abort), Track, nameof(RouteKind.Track), true)]
    [InlineData(nameof(FaultKind.Abort), DeviceRoutes.Info, nameof(RouteKind.Json), false)]
    [InlineData(nameof(FaultKind.MalformedJson), DeviceRoutes.Settings, nameof(RouteKind.Json), true)]
    [InlineData(nameof(FaultKind.MalformedJson), Track, nameof(RouteKind.Track), false)]
    [InlineData(nameof(FaultKind.HttpError), "/anything", nameof(RouteKind.Unknown), true)]
    [InlineData(nameof(FaultKind.WrongIdentifier), DeviceRoutes.Logs, nameof(RouteKind.Json), false)]
    [InlineData(nameof(FaultKind.HostileTrackPaths), DeviceRoutes.Logs, nameof(RouteKind.Json), true)]
    public void Matches_DefaultScope_FollowsTheKind(string kindName, string path, string routeName, bool expected)
    {
        var route = Enum.Parse<RouteKind>(routeName);
        var fault = Enum.Parse<FaultKind>(kindName) switch
        {
            FaultKind.Abort => DeviceFault.AbortAfter(1),
            FaultKind.MalformedJson => DeviceFault.MalformedJson(),
            FaultKind.HttpError => DeviceFault.HttpError(),
            FaultKind.WrongIdentifier => DeviceFault.WrongIdentifier(),
            _ => DeviceFault.HostileTrackPaths(),
        };

        fault.Matches(path, route).Should().Be(expected);
    }

    [Fact]
    public void Take_OneShotFault_IsUsedUpByTheFirstMatchingRequestOnly()
    {
        var faults = new DeviceFaults();
        faults.Add(DeviceFault.AbortAfter(10).Once());

        faults.Take(DeviceRoutes.Info, RouteKind.Json).Should().BeSameAs(RequestFaults.None);
        faults.Take(Track, RouteKind.Track).AbortAfter.Should().Be(10);
        faults.Take(Track, RouteKind.Track).Should().BeSameAs(RequestFaults.None);
        faults.Applied.Should().Be(1);
    }

    [Fact]
    public void Take_SeveralFaults_CombinesThem()
    {
        var faults = new DeviceFaults();
        faults.Add(DeviceFault.Delay(TimeSpan.FromSeconds(1)));
        faults.Add(DeviceFault.Delay(TimeSpan.FromSeconds(2)).On(Track));
        faults.Add(DeviceFault.AbortAfter(500));
        faults.Add(DeviceFault.AbortAfter(100));
        faults.Add(DeviceFault.StallAfter(50));
        faults.Add(DeviceFault.ExtraBytes(3));

        var taken = faults.Take(Track, RouteKind.Track);

        taken.Delay.Should().Be(TimeSpan.FromSeconds(3));
        taken.AbortAfter.Should().Be(100);
        taken.StallAfter.Should().Be(50);
        taken.ExtraBytes.Should().Be(3);
        faults.Active.Should().HaveCount(6, "persistent faults stay");
    }

    [Fact]
    public void Active_ForNextThree_ShowsWhatIsLeft()
    {
        var faults = new DeviceFaults();
        faults.Add(DeviceFault.HttpError().ForNext(3));

        faults.Take(DeviceRoutes.Info, RouteKind.Json);

        faults.Active.Should().ContainSingle().Which.Times.Should().Be(2);
    }

    [Fact]
    public void Factories_NegativeValues_AreRefused()
    {
        var abort = () => DeviceFault.AbortAfter(-1);
        var delay = () => DeviceFault.Delay(TimeSpan.FromSeconds(-1));
        var times = () => DeviceFault.HttpError().ForNext(0);

        abort.Should().Throw<ArgumentOutOfRangeException>();
        delay.Should().Throw<ArgumentOutOfRangeException>();
        times.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Truncate_Document_IsNoLongerJson()
    {
        byte[] document = DeviceJson.Info(DeviceProfile.Create(1), 1);

        var parse = () => System.Text.Json.JsonDocument.Parse(DeviceJson.Truncate(document));

        parse.Should().Throw<System.Text.Json.JsonException>();
    }
}
