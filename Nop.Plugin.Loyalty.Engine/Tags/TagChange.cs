namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>What a tag step changed: customers who gained and who lost a tag (summed over tags when several are touched).</summary>
public sealed record TagChange(int Added, int Removed)
{
    public static TagChange None { get; } = new(0, 0);

    public static TagChange operator +(TagChange a, TagChange b) => new(a.Added + b.Added, a.Removed + b.Removed);
}

/// <summary>Whether a bulk step gives the tag or takes it away.</summary>
public enum TagAction
{
    Add,
    Remove
}

/// <summary>One customer to be given one tag (a CSV import's row, an admin's pick).</summary>
public sealed record TagAssignment(int TagId, int CustomerId);

/// <summary>How far a background tag step has come, reported after each committed chunk.</summary>
/// <param name="LastCustomerId">The chunk's highest customer id.</param>
/// <param name="MaxCustomerId">The highest customer id the step will reach.</param>
public sealed record TagRunProgress(int LastCustomerId, int MaxCustomerId, TagChange SoFar);
