using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// One blocking lookup of a name's IPv4 addresses by the operating system's resolver (its hosts file, then DNS, as
/// configured), made cheap for the usual answer: "no such name". At rest every absent device's name is asked every
/// Detection:Interval, and almost every answer is that one, so what a failed lookup costs is most of detection's cost.
/// <list type="bullet">
/// <item>IPv4 only (one A query per name, not an A and an AAAA: half the queries at the router). Motion devices speak
/// IPv4; a hosts file may still give an IPv6 address.</item>
/// <item>On Linux with glibc, getaddrinfo itself: <see cref="System.Net.Dns.GetHostAddresses(string, AddressFamily)"/> reports
/// "not found" by throwing, which measured as about half the processor time of a failed lookup
/// (docs/detection.md, "What a look costs"). Elsewhere, or when glibc is not there, <see cref="System.Net.Dns"/>.</item>
/// </list>
/// </summary>
internal static unsafe partial class SystemNameLookup
{
    private const int AddressFamilyInet = 2; // AF_INET
    private const int SocketTypeStream = 1; // SOCK_STREAM: one answer per address, not one per socket type

    // Cleared for good the first time the C library cannot be called (not glibc: musl, a test double, another system).
    private static volatile bool s_native = OperatingSystem.IsLinux();

    /// <summary>The name's IPv4 addresses; none when it is not found or cannot be looked up. Never throws.</summary>
    public static IPAddress[] LookUp(string hostname)
    {
        if (s_native)
        {
            try
            {
                return LookUpNative(hostname);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                s_native = false;
            }
        }

        return LookUpManaged(hostname);
    }

    /// <summary>Through <see cref="System.Net.Dns"/>: its exception is the only way it says a name is not found.</summary>
    internal static IPAddress[] LookUpManaged(string hostname)
    {
        try
        {
            return System.Net.Dns.GetHostAddresses(hostname, AddressFamily.InterNetwork);
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            return [];
        }
    }

    /// <summary>Through getaddrinfo: any error code (no such name, no answer, a malformed name) is "not found".</summary>
    internal static IPAddress[] LookUpNative(string hostname)
    {
        var hints = new AddrInfo { Family = AddressFamilyInet, SocketType = SocketTypeStream };
        AddrInfo* found = null;
        if (GetAddrInfo(hostname, null, &hints, &found) != 0 || found is null)
        {
            return [];
        }

        try
        {
            return Addresses(found);
        }
        finally
        {
            FreeAddrInfo(found);
        }
    }

    private static IPAddress[] Addresses(AddrInfo* first)
    {
        var addresses = new List<IPAddress>(1);
        for (var entry = first; entry is not null; entry = entry->Next)
        {
            if (entry->Family == AddressFamilyInet && entry->Address is not null && entry->AddressLength >= 8)
            {
                // struct sockaddr_in: family (2 bytes), port (2), then the address in network order (4).
                addresses.Add(new IPAddress(new ReadOnlySpan<byte>(entry->Address + 4, 4)));
            }
        }

        return [.. addresses];
    }

    [LibraryImport("libc.so.6", EntryPoint = "getaddrinfo", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int GetAddrInfo(string node, string? service, AddrInfo* hints, AddrInfo** result);

    [LibraryImport("libc.so.6", EntryPoint = "freeaddrinfo")]
    private static partial void FreeAddrInfo(AddrInfo* list);

    /// <summary>struct addrinfo as Linux lays it out (glibc and musl alike).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct AddrInfo
    {
        public int Flags;
        public int Family;
        public int SocketType;
        public int Protocol;
        public uint AddressLength;
        public byte* Address;
        public byte* CanonicalName;
        public AddrInfo* Next;
    }
}
