using Nop.Core;

namespace Nop.Plugin.Loyalty.Domains;

/// <summary>
/// A saved customer segment: a named rule (the engine's versioned segment JSON) that selects registered customers.
/// Grants targeting it store the definition they were confirmed with, so editing the segment never rewrites history.
/// </summary>
public class Segment : BaseEntity
{
    public string Name { get; set; }
    public string Description { get; set; }

    /// <summary>The definition in SegmentJson's format ({"version":1,"root":{...}}).</summary>
    public string DefinitionJson { get; set; }

    public DateTime CreatedOnUtc { get; set; }
    public DateTime UpdatedOnUtc { get; set; }
    public int CreatedByCustomerId { get; set; }
    public int UpdatedByCustomerId { get; set; }
}
