namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>The groups the builder sorts its list of conditions into.</summary>
public enum ConditionGroup
{
    Orders,
    Products,
    Dates,
    Customer
}

/// <summary>One kind of segment condition: its JSON name, class, group, label, starting value and editor.</summary>
public sealed class ConditionKind
{
    internal ConditionKind(string type, ConditionGroup group, SegmentCondition start, params ConditionField[] fields)
    {
        Type = type;
        Group = group;
        Start = start;
        Fields = fields;
    }

    /// <summary>The value of "type" in the definition's JSON.</summary>
    public string Type { get; }

    /// <summary>The condition's class.</summary>
    public Type ClrType => Start.GetType();

    /// <summary>Where the builder lists the condition.</summary>
    public ConditionGroup Group { get; }

    /// <summary>What the builder puts in place when the condition is picked.</summary>
    public SegmentCondition Start { get; }

    /// <summary>The fields the builder edits, in the order it shows them.</summary>
    public IReadOnlyList<ConditionField> Fields { get; }

    /// <summary>The resource key of the condition's name in the builder.</summary>
    public string LabelResourceKey => ConditionCatalog.ResourcePrefix + "Type." + Type;

    /// <summary>The store entities the condition's fields pick from.</summary>
    public IReadOnlyList<SegmentEntity> Entities => Fields.SelectMany(f => f.Entities).Distinct().ToList();

    /// <summary>The customer fields the condition reads, whatever its values.</summary>
    public IReadOnlyList<CustomerField> CustomerFields => Start.CustomerFields();

    /// <summary><see cref="Start"/> as the definition's JSON writes it.</summary>
    public string StartJson => SegmentJson.SerializeNode(Start);

    public override string ToString() => Type;
}
