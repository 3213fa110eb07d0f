using System.Net;
using System.Net.Sockets;
using MotionServer.Emulator.Devices;

namespace MotionServer.Emulator.Fleet;

/// <summary>Finds one port free on every address of a fleet and reserves it on all of them.</summary>
internal static class PortFinder
{
    /// <summary>
    /// Reserves <paramref name="port"/> (0: one the system picks for the first address, retried on conflict)
    /// on every address; the reservations come back in address order.
    /// </summary>
    /// <exception cref="SocketException">The port asked for is taken, or no free port was found.</exception>
    public static IReadOnlyList<ListenerReservation> Reserve(IReadOnlyList<IPAddress> addresses, int port, int attempts)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentOutOfRangeException.ThrowIfZero(addresses.Count);
        int tries = port == 0 ? Math.Max(1, attempts) : 1;
        for (int attempt = 0; attempt < tries; attempt++)
        {
            if (TryReserveAll(addresses, port) is { } reservations)
            {
                return reservations;
            }
        }

        throw new SocketException((int)SocketError.AddressAlreadyInUse,
            port == 0 ? $"No port free on all {addresses.Count} fleet addresses after {tries} attempts."
                      : $"Port {port} is not free on all {addresses.Count} fleet addresses.");
    }

    private static List<ListenerReservation>? TryReserveAll(IReadOnlyList<IPAddress> addresses, int port)
    {
        var reservations = new List<ListenerReservation>(addresses.Count);
        foreach (var address in addresses)
        {
            var reservation = ListenerReservation.TryCreate(new IPEndPoint(address, port));
            if (reservation is null)
            {
                reservations.ForEach(r => r.Dispose());
                return null;
            }

            reservations.Add(reservation);
            port = reservation.EndPoint.Port;
        }

        return reservations;
    }
}
