using Nop.Core;

namespace Nop.Plugin.Loyalty.Domains;

/// <summary>
/// A background tag step (an automatic tag's recompute, or tagging / untagging everyone matching conditions) and how
/// far it has come: the admin polls it while the job runs.
/// </summary>
public class MemberTagRun : BaseEntity
{
    public int TagId { get; set; }

    /// <summary>The <see cref="MemberTagRunKind"/>.</summary>
    public int KindId { get; set; }

    /// <summary>The <see cref="MemberTagRunStatus"/>.</summary>
    public int StatusId { get; set; }

    /// <summary>For tagging from conditions: the conditions in SegmentJson's format; null for a recompute.</summary>
    public string SelectionJson { get; set; }

    /// <summary>For tagging from conditions: the instant the conditions were counted at, which the run evaluates them at too.</summary>
    public DateTime? EvaluatedAtUtc { get; set; }

    /// <summary>The customers counted when the admin confirmed (tagging from conditions).</summary>
    public int PlannedCount { get; set; }

    /// <summary>Every customer id up to this one has been processed.</summary>
    public int LastCustomerId { get; set; }

    /// <summary>The highest customer id the run will reach.</summary>
    public int MaxCustomerId { get; set; }

    public int AddedCount { get; set; }

    public int RemovedCount { get; set; }

    public string LastError { get; set; }

    public int CreatedByCustomerId { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public DateTime? StartedOnUtc { get; set; }

    public DateTime? CompletedOnUtc { get; set; }

    public MemberTagRunKind Kind => (MemberTagRunKind)KindId;

    public MemberTagRunStatus Status => (MemberTagRunStatus)StatusId;
}

/// <summary>What a background tag step does.</summary>
public enum MemberTagRunKind
{
    /// <summary>Makes an automatic tag's members its rule's customers.</summary>
    Recompute = 0,

    /// <summary>Tags everyone matching the conditions.</summary>
    Add = 1,

    /// <summary>Untags everyone matching the conditions.</summary>
    Remove = 2
}

/// <summary>Where a background tag step stands.</summary>
public enum MemberTagRunStatus
{
    Queued = 10,
    Running = 20,
    Completed = 30,
    Failed = 40
}
