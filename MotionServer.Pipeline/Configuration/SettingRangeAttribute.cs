using System.Globalization;

namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// The inclusive range a setting must lie in, checked by <see cref="MotionServerOptionsReader"/>: whole numbers,
/// numbers, or durations written as <c>hh:mm:ss</c>. Ours rather than DataAnnotations' <c>RangeAttribute</c>, whose
/// durations go through <c>TypeDescriptor</c> and whose validator finds the properties by reflection that trimming
/// cannot follow: the host is published as Native AOT.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SettingRangeAttribute : Attribute
{
    private readonly IComparable _minimum;
    private readonly IComparable _maximum;

    /// <summary>A range of whole numbers (<see cref="int"/> and <see cref="long"/> settings).</summary>
    public SettingRangeAttribute(long minimum, long maximum)
    {
        _minimum = minimum;
        _maximum = maximum;
        Minimum = minimum.ToString(CultureInfo.InvariantCulture);
        Maximum = maximum.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A range of numbers (<see cref="double"/> settings).</summary>
    public SettingRangeAttribute(double minimum, double maximum)
    {
        _minimum = minimum;
        _maximum = maximum;
        Minimum = minimum.ToString(CultureInfo.InvariantCulture);
        Maximum = maximum.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A range of durations (<see cref="TimeSpan"/> settings), each written as <c>hh:mm:ss[.fff]</c>.</summary>
    public SettingRangeAttribute(string minimum, string maximum)
    {
        _minimum = TimeSpan.ParseExact(minimum, "c", CultureInfo.InvariantCulture);
        _maximum = TimeSpan.ParseExact(maximum, "c", CultureInfo.InvariantCulture);
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The lower bound as the settings' documentation writes it.</summary>
    public string Minimum { get; }

    /// <summary>The upper bound as the settings' documentation writes it.</summary>
    public string Maximum { get; }

    /// <summary>
    /// True when <paramref name="value"/> lies within the range. A value of another kind than the range's (a range of
    /// durations on a number) is never allowed: that is a mistake in the options class, and the check says so.
    /// </summary>
    public bool Allows(object? value)
    {
        IComparable? comparable = (value, _minimum) switch
        {
            (int i, long) => (long)i,
            (long l, long) => l,
            (double d, double) => d,
            (TimeSpan t, TimeSpan) => t,
            _ => null,
        };
        return comparable is not null && comparable.CompareTo(_minimum) >= 0 && comparable.CompareTo(_maximum) <= 0;
    }
}
