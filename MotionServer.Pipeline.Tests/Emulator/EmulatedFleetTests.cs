using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Emulator.Fleet;

namespace MotionServer.Pipeline.Tests.Emulator;

public sealed class EmulatedFleetTests
{
    [Theory]
    [InlineData(0, "127.0.0.2")]
    [InlineData(1, "127.0.0.3")]
    [InlineData(252, "127.0.0.254")]
    [InlineData(253, "127.0.1.2")]
    [InlineData(299, "127.0.1.48")]
    public void LoopbackAddresses_At_SkipsDotOneAndWrapsIntoTheNextBlock(int index, string expected)
    {
        LoopbackAddresses.At(index).Should().Be(IPAddress.Parse(expected));
    }

    [Fact]
    public void LoopbackAddresses_FirstThousand_AreDistinctUsableLoopbackAddresses()
    {
        var addresses = Enumerable.Range(0, 1000).Select(LoopbackAddresses.At).ToList();

        addresses.Should().OnlyHaveUniqueItems();
        addresses.Should().AllSatisfy(a =>
        {
            IPAddress.IsLoopback(a).Should().BeTrue();
            a.GetAddressBytes()[3].Should().BeInRange(2, 254);
        });
    }

    [Fact]
    public async Task JoinAll_ThreeHundredDevices_EachAnswersOnItsOwnAddress()
    {
        var ids = Enumerable.Range(1, 300).ToList();
        await using var fleet = EmulatedFleet.Create(ids);

        await fleet.JoinAllAsync();
        using var client = EmulatorHttp.Client();
        foreach (int id in new[] { 1, 2, 150, 253, 254, 300 })
        {
            var motion = (await client.GetJsonAsync(fleet[id].BaseUri, "/info.json")).GetProperty("motion");
            motion.GetProperty("identifier").GetInt32().Should().Be(id);
        }

        fleet.Devices.Select(d => d.Address).Should().OnlyHaveUniqueItems();
        fleet.Devices.Should().AllSatisfy(d => d.Port.Should().Be(fleet.Port));
        fleet[300].Address.Should().Be(IPAddress.Parse("127.0.1.48"));
    }

    [Fact]
    public async Task WriteHostsFile_Fleet_ListsEveryDeviceWithItsAddress()
    {
        await using var fleet = EmulatedFleet.Create([801, 802, 817]);
        string path = Path.Combine(Path.GetTempPath(), $"emulator-hosts-{Guid.NewGuid():N}", "hosts.txt");
        try
        {
            fleet.WriteHostsFile(path);
            string[] lines = await File.ReadAllLinesAsync(path);

            lines.Should().Equal("127.0.0.2 motion-801", "127.0.0.3 motion-802", "127.0.0.4 motion-817");
            Directory.GetFiles(Path.GetDirectoryName(path)!).Should().ContainSingle("no temporary file is left behind");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task Create_CustomHostnameTemplateAndFirstAddress_AreUsed()
    {
        await using var fleet = EmulatedFleet.Create([5], new FleetOptions { HostnameTemplate = "gps{id}.lan", FirstAddressIndex = 10 });

        fleet.HostsFileText.Should().Be("127.0.0.12 gps5.lan\n");
    }

    [Fact]
    public async Task TwoFleets_SameDeviceIds_DoNotCollide()
    {
        await using var first = EmulatedFleet.Create([801, 802]);
        await using var second = EmulatedFleet.Create([801, 802]);
        await first.JoinAllAsync();
        await second.JoinAllAsync();
        using var client = EmulatorHttp.Client();

        second.Port.Should().NotBe(first.Port);
        first[801].SetBattery(11);
        second[801].SetBattery(99);
        await second[802].LeaveAsync();
        (await client.GetJsonAsync(first[801].BaseUri, "/info.json")).GetProperty("motion").GetProperty("battery").GetProperty("level").GetInt32().Should().Be(11);
        (await client.GetJsonAsync(second[801].BaseUri, "/info.json")).GetProperty("motion").GetProperty("battery").GetProperty("level").GetInt32().Should().Be(99);
        (await client.GetJsonAsync(first[802].BaseUri, "/info.json")).GetProperty("motion").GetProperty("identifier").GetInt32().Should().Be(802);
    }

    [Fact]
    public async Task Create_PortOfAnotherFleet_Throws()
    {
        await using var first = EmulatedFleet.Create([801, 802]);

        var second = () => EmulatedFleet.Create([901], new FleetOptions { Port = first.Port });

        second.Should().Throw<SocketException>().WithMessage($"*{first.Port}*");
    }

    [Fact]
    public async Task Create_PortTakenOnOneAddressByAnotherProgram_PicksAnotherPort()
    {
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        squatter.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.3"), 0));
        squatter.Listen();
        int taken = ((IPEndPoint)squatter.LocalEndPoint!).Port;

        var fixedPort = () => EmulatedFleet.Create([1, 2], new FleetOptions { Port = taken });
        await using var fleet = EmulatedFleet.Create([1, 2]);

        fixedPort.Should().Throw<SocketException>();
        fleet.Port.Should().NotBe(taken);
    }

    [Fact]
    public void Create_DuplicateIds_Throws()
    {
        var create = () => EmulatedFleet.Create([801, 801]);

        create.Should().Throw<ArgumentException>().WithMessage("*801*");
    }

    [Fact]
    public async Task RunSchedule_FakeClock_JoinsAndLeavesOnTime()
    {
        await using var fleet = EmulatedFleet.Create([801, 802]);
        var clock = new FakeTimeProvider();
        var schedule = new FleetSchedule().Visit(801, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)).Join(TimeSpan.FromSeconds(20), 802);

        var run = fleet.RunScheduleAsync(schedule, clock);
        fleet.Online.Should().BeEmpty();
        var joined = Signal.Presence(fleet[801], online: true);
        clock.Advance(TimeSpan.FromSeconds(10));
        await joined;
        fleet.Online.Select(d => d.Id).Should().Equal(801);

        var second = Signal.Presence(fleet[802], online: true);
        clock.Advance(TimeSpan.FromSeconds(10));
        await second;
        var left = Signal.Presence(fleet[801], online: false);
        clock.Advance(TimeSpan.FromSeconds(10));
        await left;
        await run.WaitAsync(Signal.Timeout);

        fleet.Online.Select(d => d.Id).Should().Equal(802);
    }

    [Fact]
    public async Task RunSchedule_CustomStep_RunsAgainstTheDevice()
    {
        await using var fleet = EmulatedFleet.Create([801]);
        var schedule = new FleetSchedule().Do(TimeSpan.Zero, 801, "battery drains", d => d.SetBattery(5));

        await fleet.RunScheduleAsync(schedule, new FakeTimeProvider()).WaitAsync(Signal.Timeout);

        fleet[801].Profile.BatteryLevel.Should().Be(5);
    }

    [Fact]
    public async Task RunSchedule_UnknownDevice_ThrowsBeforeRunningAnything()
    {
        await using var fleet = EmulatedFleet.Create([801]);
        var schedule = new FleetSchedule().Join(TimeSpan.Zero, 801).Join(TimeSpan.Zero, 999);

        var run = () => fleet.RunScheduleAsync(schedule, new FakeTimeProvider());

        await run.Should().ThrowAsync<KeyNotFoundException>().WithMessage("*999*");
        fleet[801].IsOnline.Should().BeFalse();
    }

    [Fact]
    public async Task DisposeAsync_Fleet_FreesItsAddressesForANewFleet()
    {
        var first = EmulatedFleet.Create([801]);
        await first.JoinAllAsync();
        int port = first.Port;

        await first.DisposeAsync();
        await using var again = EmulatedFleet.Create([801], new FleetOptions { Port = port });
        await again.JoinAllAsync();

        again[801].IsOnline.Should().BeTrue();
    }

    [Fact]
    public async Task SilentWhenAway_AfterLeaving_ConnectsAreNeitherAcceptedNorRefused_AndARejoinAnswers()
    {
        await using var fleet = EmulatedFleet.Create([871, 872]);
        await fleet.JoinAllAsync();
        var silent = fleet[871];
        silent.SilentWhenAway = true;

        await silent.LeaveAsync();
        await fleet[872].LeaveAsync();

        (await ConnectAsync(silent.Address, fleet.Port)).Should().Be("no answer", "a silent address lets a connect wait out its own timeout");
        (await ConnectAsync(fleet[872].Address, fleet.Port)).Should().Be("refused", "by default an away device refuses at once");

        await silent.JoinAsync();
        (await ConnectAsync(silent.Address, fleet.Port)).Should().Be("accepted");
    }

    private static async Task<string> ConnectAsync(IPAddress address, int port)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), wait.Token);
            return "accepted";
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return "refused";
        }
        catch (OperationCanceledException)
        {
            return "no answer";
        }
    }
}
