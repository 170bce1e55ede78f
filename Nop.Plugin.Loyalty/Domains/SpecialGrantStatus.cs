namespace Nop.Plugin.Loyalty.Domains;

/// <summary>Where a special grant's run stands.</summary>
public enum SpecialGrantStatus
{
    Queued = 10,
    Running = 20,
    Completed = 30,
    Failed = 40
}
