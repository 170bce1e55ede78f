namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>How a copy was shared.</summary>
public enum ShareChannel
{
    /// <summary>A link with an unguessable token; anyone signed in but the sharer may claim it, once each.</summary>
    Link = 1,

    /// <summary>To a registered customer's email: the copy is given at once, and only that customer may claim the link.</summary>
    Email = 2
}
