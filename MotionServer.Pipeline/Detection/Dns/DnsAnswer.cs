using System.Net;

namespace MotionServer.Pipeline.Detection.Dns;

/// <summary>How one question to a name server ended.</summary>
internal enum DnsOutcome
{
    /// <summary>The name has IPv4 addresses (<see cref="DnsAnswer.Addresses"/>).</summary>
    Found,

    /// <summary>The server says the name does not exist (NXDOMAIN).</summary>
    NoSuchName,

    /// <summary>The name exists but has no IPv4 address (NOERROR without an A record).</summary>
    NoAddress,

    /// <summary>The server could not answer (SERVFAIL, REFUSED, any other error code).</summary>
    ServerFailure,

    /// <summary>The answer did not fit in a datagram (TC): only a TCP query would give it.</summary>
    Truncated,

    /// <summary>No server answered in time, or the client stopped.</summary>
    NoAnswer,

    /// <summary>Not an answer to the question asked (another id, another question, not a response, unreadable): ignored.</summary>
    NotOurs,
}

/// <summary>What a name server said to one A question.</summary>
internal readonly record struct DnsAnswer(DnsOutcome Outcome, IPAddress[] Addresses)
{
    public static DnsAnswer Of(DnsOutcome outcome) => new(outcome, []);
}
