using System.Net;
using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Transfers;

namespace MotionServer.Emulator.Devices;

/// <summary>The device's log messages.</summary>
internal sealed partial class EmulatedDevice
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Hostname} joined at {Address}:{Port}")]
        public static partial void Joined(ILogger logger, string hostname, IPAddress address, int port);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Hostname} left")]
        public static partial void Left(ILogger logger, string hostname);

        [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "{Hostname} {Method} {Path} -> {StatusCode}, {Bytes} bytes, {Outcome}")]
        public static partial void Served(ILogger logger, string hostname, string method, string path, int statusCode, long bytes, TransferOutcome outcome);

        [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "{Hostname} answers {Path} with HTTP {StatusCode} (fault)")]
        public static partial void HttpErrorFault(ILogger logger, string hostname, string path, int statusCode);

        [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "{Hostname} faults on {Path}: {Faults}")]
        public static partial void FaultsApplied(ILogger logger, string hostname, string path, Faults.RequestFaults faults);

        [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "{Hostname} request for {Path} failed")]
        public static partial void RequestFailed(ILogger logger, string hostname, string path, Exception exception);

        [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{Hostname} could not hold {Address}:{Port} while away; another socket may take it")]
        public static partial void ReservationLost(ILogger logger, string hostname, IPAddress address, int port);
    }
}
