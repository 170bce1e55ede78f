namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>Where a special grant stands.</summary>
public enum GrantStatus
{
    Queued = 10,
    Running = 20,
    Completed = 30,
    Failed = 40,
    /// <summary>Every recipient's points are being taken back, in the background.</summary>
    Revoking = 50,
    Revoked = 60
}
