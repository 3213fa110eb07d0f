using System.Net;

namespace MotionServer.Pipeline.State;

/// <summary>One device's mutable state. Only <see cref="FleetState"/> touches it, under its lock.</summary>
internal sealed class DeviceState(int id, string hostname)
{
    public int Id { get; } = id;

    public string Hostname { get; } = hostname;

    public MotionStatus Status { get; set; } = MotionStatus.Waiting;

    public DateTimeOffset? Since { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public DateTimeOffset? LastCompleted { get; set; }

    public IPAddress? Address { get; set; }

    public int? Battery { get; set; }

    public int? Storage { get; set; }

    public string? Firmware { get; set; }

    public string? Username { get; set; }

    public IReadOnlyList<string> Warnings { get; set; } = [];

    public TrackCounts Tracks { get; set; } = TrackCounts.None;

    public long BytesDownloaded { get; set; }

    public IReadOnlyList<TrackSnapshot> TrackList { get; set; } = [];

    public TransferProgress? Transfer { get; set; }

    public string? Attention { get; set; }

    public string? LastError { get; set; }

    public int FailedAttempts { get; set; }

    /// <summary>True while the device is somewhere in the Dataflow graph: no second worker may take it.</summary>
    public bool InPipeline { get; set; }

    /// <summary>
    /// The roster changed this device's rows after it was planned: it must be inspected again (claimed by the next
    /// detection sweep even with an address), and must not be completed meanwhile.
    /// </summary>
    public bool ReplanOwed { get; set; }

    /// <summary>
    /// Earliest monotonic timestamp (<see cref="TimeProvider.GetTimestamp"/>) at which detection may try it again, set
    /// after a failure for pacing. Not a wall time: a clock stepped back an hour must not hold a failed device back an hour.
    /// </summary>
    public long NotBefore { get; set; }

    /// <summary>Found answering at <paramref name="address"/>.</summary>
    public void Found(IPAddress address, DateTimeOffset now)
    {
        Address = address;
        LastSeen = now;
        Transfer = null;
    }

    /// <summary>Every track it owes is downloaded: its failures, pacing and attention are behind it.</summary>
    public void Completed(DateTimeOffset now)
    {
        LastCompleted = now;
        FailedAttempts = 0;
        NotBefore = default;
        Attention = null;
        LastError = null;
        Transfer = null;
    }

    /// <summary>A step failed: its address discarded (so detection looks for it again).</summary>
    /// <returns>The number of consecutive failed attempts, this one included.</returns>
    public int Failed(string reason)
    {
        Left();
        LastError = reason;
        return ++FailedAttempts;
    }

    /// <summary>Gone from the network: its address discarded; detection finds it when it returns.</summary>
    public void Left()
    {
        Address = null;
        Transfer = null;
    }

    /// <summary>What the <see cref="MotionStatusMachine"/> decides on.</summary>
    public StatusFacts Facts => new(Status, ReplanOwed, Address is not null);

    /// <summary>Moves to the status <paramref name="trigger"/> leads to (<see cref="MotionStatusMachine"/>).</summary>
    /// <returns>The change to announce, or null when there is none.</returns>
    public MotionStatusChange? Apply(StatusTrigger trigger, DateTimeOffset now) => MoveTo(MotionStatusMachine.Next(Facts, trigger), now);

    /// <summary>
    /// Moves to <paramref name="next"/> since <paramref name="now"/>. Staying in its status is no change (no trigger leads
    /// to <see cref="MotionStatus.Waiting"/>, so every other status already has its since).
    /// </summary>
    /// <returns>The change to announce, or null when there is none.</returns>
    public MotionStatusChange? MoveTo(MotionStatus next, DateTimeOffset now)
    {
        var previous = Status;
        if (next == previous)
        {
            return null;
        }

        Status = next;
        Since = now;
        return new MotionStatusChange(Id, previous, next, now);
    }
}
