using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Detection;

internal sealed partial class DeviceAddressResolver
{
    [LoggerMessage(EventId = 103, Level = LogLevel.Debug,
        Message = "{Hostname} resolves to {Address}, the address this network gives unknown names (Network:IgnoredAddresses): not on the network")]
    private static partial void IgnoredAddress(ILogger logger, string hostname, string address);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Name lookups - {How}: {Why}")]
    private static partial void NameLookupChosen(ILogger logger, string how, string why);
}
