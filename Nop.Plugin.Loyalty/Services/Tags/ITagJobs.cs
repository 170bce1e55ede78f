using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Tags;

namespace Nop.Plugin.Loyalty.Services.Tags;

/// <summary>Tag steps run in the background, each recorded as a <see cref="MemberTagRun"/> the admin can poll.</summary>
public interface ITagJobs
{
    /// <summary>Queues a recompute of an automatic tag ("apply now" after saving it); returns the run to poll.</summary>
    Task<MemberTagRun> QueueRecomputeAsync(int tagId);

    /// <summary>
    /// Queues tagging (or untagging) everyone <paramref name="selection"/> selects, evaluated at the instant its count was
    /// shown (<paramref name="evaluatedAtUtc"/>), so the run reaches the customers the admin confirmed.
    /// </summary>
    Task<MemberTagRun> QueueApplyAsync(int tagId, SegmentDefinition selection, DateTime evaluatedAtUtc, TagAction action, int plannedCount);

    Task<MemberTagRun> GetRunAsync(int runId);

    /// <summary>The tag's most recent run, or null.</summary>
    Task<MemberTagRun> GetLatestRunAsync(int tagId);
}
