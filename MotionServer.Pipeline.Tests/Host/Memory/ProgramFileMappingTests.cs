using MotionServer.Host.Memory;

namespace MotionServer.Pipeline.Tests.Host.Memory;

/// <summary>Which lines of /proc/self/maps are pages that can be given back: read-only, private, of a file.</summary>
public sealed class ProgramFileMappingTests
{
    [Theory]
    [InlineData("55dc2f75c000-55dc30283000 r-xp 0002c000 fe:00 1317 /opt/motion/MotionServer.Host", 0x55dc2f75c000UL, 0xb27000UL)]
    [InlineData("55dc30283000-55dc309e4000 r--p 00b53000 fe:00 1317 /opt/motion/MotionServer.Host", 0x55dc30283000UL, 0x761000UL)]
    [InlineData("7f0e8c800000-7f0e8c801000 r--p 00000000 fe:00 99   /usr/lib/x86_64-linux-gnu/libc.so.6", 0x7f0e8c800000UL, 0x1000UL)]
    [InlineData("7f0e8c800000-7f0e8c801000 r--p 00000000 fe:00 99   /opt/motion/a name with spaces (deleted)", 0x7f0e8c800000UL, 0x1000UL)]
    public void AReadOnlyPrivateFileMapping_IsOne(string line, ulong start, ulong length)
    {
        ProgramFileMapping.TryParse(line, out var mapping).Should().BeTrue();

        mapping.Should().Be(new ProgramFileMapping((nuint)start, (nuint)length));
    }

    [Theory]
    [InlineData("55dc30e62000-55dc30eba000 rw-p 01731000 fe:00 1317 /opt/motion/MotionServer.Host", "its variables: writable")]
    [InlineData("55dc30e62000-55dc30eba000 r--s 00000000 00:01 4 /memfd:dotnet_ipc_created (deleted)", "shared, and no file of a path")]
    [InlineData("7f0e8c800000-7f0e8c900000 r--s 00000000 fe:00 1317 /var/cache/shared.bin", "shared with other processes")]
    [InlineData("7f0e8c800000-7f0e8c900000 rw-p 00000000 00:00 0 ", "anonymous memory")]
    [InlineData("7ffd1c3f0000-7ffd1c412000 rw-p 00000000 00:00 0                          [stack]", "the stack")]
    [InlineData("7ffd1c5fa000-7ffd1c5fc000 r-xp 00000000 00:00 0                          [vdso]", "the kernel's page")]
    [InlineData("7f0e8c800000-7f0e8c900000 ---p 00000000 fe:00 1317 /opt/motion/MotionServer.Host", "a guard gap: not readable")]
    [InlineData("7f0e8c900000-7f0e8c800000 r--p 00000000 fe:00 1317 /opt/motion/MotionServer.Host", "an end before its start")]
    [InlineData("not a mapping at all", "a line it cannot read")]
    [InlineData("", "an empty line")]
    public void AnythingElse_IsNot(string line, string why)
    {
        ProgramFileMapping.TryParse(line, out _).Should().BeFalse(why);
    }
}
