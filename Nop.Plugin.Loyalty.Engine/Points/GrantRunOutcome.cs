namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>How a call to run a grant ended.</summary>
public enum GrantRunOutcome
{
    /// <summary>No such grant, or nothing left to run (completed or revoked).</summary>
    NothingToDo,
    /// <summary>Another runner holds the grant; it carries on there.</summary>
    Busy,
    Completed,
    Revoked,
    /// <summary>Another runner took the grant over after this one stopped reporting; this one's last chunk was undone.</summary>
    LeaseLost
}

/// <summary>Thrown inside a chunk whose runner no longer holds its grant, so that the chunk's writes are undone.</summary>
public sealed class GrantLeaseLostException(int grantId) : Exception($"Grant {grantId} is held by another runner.");
