namespace Nop.Plugin.Loyalty.Models.Tags;

/// <summary>The tags page: every tag under its group, ungrouped tags last.</summary>
public record MemberTagListModel
{
    public IList<MemberTagSectionModel> Sections { get; set; } = new List<MemberTagSectionModel>();

    /// <summary>Whether the admin may see who holds a tag (nopCommerce's "view customers" permission).</summary>
    public bool CanViewMembers { get; set; }
}

/// <summary>A group's heading and its tags; GroupId null for the ungrouped tags.</summary>
public record MemberTagSectionModel(int? GroupId, string Title, IList<MemberTagRowModel> Tags);

/// <summary>A tag as the list shows it.</summary>
public record MemberTagRowModel
{
    public int Id { get; set; }
    public string Name { get; set; }
    public string Color { get; set; }
    public string Description { get; set; }
    public string KindText { get; set; }
    public bool IsAutomatic { get; set; }
    public bool VisibleToCustomers { get; set; }
    public int MemberCount { get; set; }
    public string LastRecomputedOn { get; set; }
    public int DisplayOrder { get; set; }
    public int CustomerRoleId { get; set; }
}
