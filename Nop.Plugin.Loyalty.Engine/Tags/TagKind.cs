namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>How a tag's members are chosen.</summary>
public enum TagKind
{
    /// <summary>By hand, from conditions once, or by CSV; nothing changes them afterwards.</summary>
    Manual = 0,

    /// <summary>By a rule (a segment definition): customers who stop matching lose the tag.</summary>
    Automatic = 1
}
