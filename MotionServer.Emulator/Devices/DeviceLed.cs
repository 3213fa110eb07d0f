namespace MotionServer.Emulator.Devices;

/// <summary>The <c>custom_led</c> block of settings.json (absent on devices without the LED feature).</summary>
internal sealed record DeviceLed(int Flash, int Substract, IReadOnlyList<int> RowCodes)
{
    /// <summary>A typical configuration.</summary>
    public static DeviceLed Default { get; } = new(1, 0, [78]);
}
