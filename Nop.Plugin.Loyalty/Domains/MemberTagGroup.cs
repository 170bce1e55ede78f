using Nop.Core;

namespace Nop.Plugin.Loyalty.Domains;

/// <summary>A heading that member tags are sorted under in the admin ("Ranks", "Regions", "Campaigns").</summary>
public class MemberTagGroup : BaseEntity
{
    public string Name { get; set; }

    public int DisplayOrder { get; set; }
}
