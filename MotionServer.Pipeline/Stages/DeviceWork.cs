using System.Net;

namespace MotionServer.Pipeline.Stages;

/// <summary>One device travelling through the graph. The fleet state's claim guarantees one item per device.</summary>
/// <param name="DeviceId">The device id.</param>
/// <param name="Hostname">Its host name.</param>
/// <param name="Address">Its address once detected.</param>
internal sealed record DeviceWork(int DeviceId, string Hostname, IPAddress? Address = null);
