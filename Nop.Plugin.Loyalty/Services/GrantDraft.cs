namespace Nop.Plugin.Loyalty.Services;

/// <summary>How the store owner picked the recipients of a grant in the wizard.</summary>
public enum GrantTargetKind
{
    AllRegistered = 0,
    Roles = 1,
    CustomerList = 2,
    Segment = 3,
    InlineSegment = 4,
    /// <summary>Customers holding any of the chosen member tags (a segment of one "has tag" condition).</summary>
    Tags = 5
}

/// <summary>A special grant as the wizard collects it, before it is confirmed.</summary>
public class GrantDraft
{
    public string Name { get; set; }
    public int Points { get; set; }
    public DateTime? ExpiresOnUtc { get; set; }
    public DateTime? ActivatesOnUtc { get; set; }
    public int StoreId { get; set; }
    public bool NotifyCustomers { get; set; }

    public GrantTargetKind TargetKind { get; set; }
    public IList<int> RoleIds { get; set; } = new List<int>();

    /// <summary>The member tags, when <see cref="TargetKind"/> is Tags.</summary>
    public IList<int> TagIds { get; set; } = new List<int>();

    /// <summary>The pasted or uploaded customer list, stored server-side (<see cref="UploadedListService"/>); never the list itself.</summary>
    public Guid? CustomerListToken { get; set; }

    /// <summary>A saved segment (issue 3), when <see cref="TargetKind"/> is Segment.</summary>
    public int? SegmentId { get; set; }

    /// <summary>A segment definition built in the wizard itself (JSON), when <see cref="TargetKind"/> is InlineSegment.</summary>
    public string SegmentDefinitionJson { get; set; }
}
