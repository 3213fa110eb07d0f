using System.Net;
using MotionServer.Pipeline.Detection;

namespace MotionServer.Pipeline.Tests.Detection;

public sealed class SystemNameLookupTests
{
    [Fact]
    public void LookUp_AKnownName_GivesItsIPv4Addresses_AndAnInvalidOneNone()
    {
        // "localhost" resolves everywhere without a network, to 127.0.0.1 (and ::1, which an IPv4 lookup leaves out).
        SystemNameLookup.LookUp("localhost").Should().Contain(IPAddress.Loopback).And.OnlyContain(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
        // A name the C library refuses before asking anyone: a name it would ask of DNS would leave this machine.
        SystemNameLookup.LookUp("not a name\u0001").Should().BeEmpty();
    }

    [Fact]
    public void LookUpNative_OnLinux_AnswersAsTheManagedLookupDoes()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // getaddrinfo is called directly on Linux only
        }

        SystemNameLookup.LookUpNative("localhost").Should().BeEquivalentTo(SystemNameLookup.LookUpManaged("localhost"));
        // Not asked of the managed lookup: it sends even an invalid name to the machine's name server, beyond loopback.
        SystemNameLookup.LookUpNative("not a name\u0001").Should().BeEmpty();
    }
}
