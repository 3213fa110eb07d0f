namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>The fastest window offered so far (the earliest on ties), with what was wrong inside it when it was found.</summary>
internal sealed class BestWindow
{
    /// <summary>True once a window was offered.</summary>
    public bool HasValue { get; private set; }

    /// <summary>The fastest window.</summary>
    public WindowSpeed Window { get; private set; }

    /// <summary>Frames the rules set aside inside it (device figures only; empty otherwise).</summary>
    public FaultSummary Faults { get; private set; } = FaultSummary.Empty;

    /// <summary>
    /// True when a window of <paramref name="speed"/> would be kept: the test before <see cref="Offer"/>, so that the
    /// whole window is made only for one that is (few are).
    /// </summary>
    public bool Beats(double speed) => !(HasValue && speed <= Window.Speed);

    /// <summary>Keeps <paramref name="window"/> when faster; true when kept.</summary>
    public bool Offer(in WindowSpeed window)
    {
        if (!Beats(window.Speed))
        {
            return false;
        }

        Window = window;
        HasValue = true;
        Faults = FaultSummary.Empty;
        return true;
    }

    /// <summary>
    /// Takes the best of <paramref name="other"/>, which has been offered the same windows while this one was not; what
    /// was wrong inside it stays this one's own (nothing: the two sets held the same frames).
    /// </summary>
    public void CopyFrom(BestWindow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        (Window, HasValue) = (other.Window, other.HasValue);
    }

    /// <summary>Records what was wrong inside the window just kept.</summary>
    public void Describe(in FaultSummary faults) => Faults = faults;

    /// <summary>The speed in knots, or null when no window.</summary>
    public double? Knots => HasValue ? Speeds.ToKnots(Window.Speed) : null;
}
