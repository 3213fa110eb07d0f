using System.Diagnostics.CodeAnalysis;

namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// A class of settings that <see cref="MotionServerOptionsReader"/> reads key by key: its public properties are the
/// keys. The annotation tells trimming (the host is published as Native AOT) to keep every such property, with its
/// <see cref="SettingRangeAttribute"/>, for the reader finds them by reflection.
/// </summary>
[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
internal interface ISettingsSection;
