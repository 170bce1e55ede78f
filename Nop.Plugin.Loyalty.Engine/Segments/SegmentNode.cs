using System.Text.Json.Serialization;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>A node of a segment definition: a group or a condition, either of which may be negated.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SegmentGroup), "group")]
[JsonDerivedType(typeof(AllRegisteredCondition), "allRegistered")]
[JsonDerivedType(typeof(OrderCountCondition), "orderCount")]
[JsonDerivedType(typeof(OrderAmountCondition), "orderAmount")]
[JsonDerivedType(typeof(PurchasedCondition), "purchased")]
[JsonDerivedType(typeof(PurchaseAmountCondition), "purchaseAmount")]
[JsonDerivedType(typeof(LastOrderDateCondition), "lastOrderDate")]
[JsonDerivedType(typeof(BirthdayCondition), "birthday")]
[JsonDerivedType(typeof(GenderCondition), "gender")]
[JsonDerivedType(typeof(CountryCondition), "country")]
[JsonDerivedType(typeof(StateProvinceCondition), "stateProvince")]
[JsonDerivedType(typeof(RegistrationDateCondition), "registrationDate")]
[JsonDerivedType(typeof(NewsletterCondition), "newsletter")]
[JsonDerivedType(typeof(CustomerRoleCondition), "customerRole")]
[JsonDerivedType(typeof(RegisteredStoreCondition), "registeredStore")]
[JsonDerivedType(typeof(PointsBalanceCondition), "pointsBalance")]
public abstract record SegmentNode
{
    /// <summary>Selects exactly the registered customers the node without Not would leave out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Not { get; init; }
}

/// <summary>How a group combines its children.</summary>
public enum GroupMatch
{
    /// <summary>Every child holds; an empty All group selects every registered customer.</summary>
    All,
    /// <summary>At least one child holds; an empty Any group selects nobody.</summary>
    Any
}

/// <summary>A group of nodes combined with All (AND) or Any (OR).</summary>
public sealed record SegmentGroup(GroupMatch Match, IReadOnlyList<SegmentNode> Children) : SegmentNode;
