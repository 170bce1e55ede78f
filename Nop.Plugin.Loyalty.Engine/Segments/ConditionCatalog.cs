using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using static Nop.Plugin.Loyalty.Engine.Segments.ConditionField;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>Every kind of segment condition; the JSON format, the validator's and the builder's lists come from here.</summary>
public static class ConditionCatalog
{
    /// <summary>The prefix of the builder's resource keys.</summary>
    public const string ResourcePrefix = "Plugins.Misc.Loyalty.Segments.Builder.";

    /// <summary>The discriminator of <see cref="SegmentGroup"/>, the one node that is not a condition.</summary>
    public const string GroupType = "group";

    private static readonly ConditionField PurchaseScope = Choice<Conditions.PurchaseScope>("scope", "Scope", "ids");

    private static readonly ConditionField PurchaseIds = new(FieldEditor.Ids, "ids")
    {
        ScopeField = "scope",
        ScopeEntities = new Dictionary<string, SegmentEntity> { ["products"] = SegmentEntity.Product, ["categories"] = SegmentEntity.Category }
    };

    // New conditions include subcategories, as nopCommerce's catalog search does; shown only for categories.
    private static readonly ConditionField Subcategories = Toggle("includeSubcategories", "IncludeSubcategories", shownWhen: ("scope", "categories"));

    private static readonly DateWindow LastThirtyDays = new(Relative: RelativePeriod.LastDays, Days: 30);

    /// <summary>The kinds in the order the builder offers them; the first is what "add condition" adds.</summary>
    public static IReadOnlyList<ConditionKind> All { get; } =
    [
        new("orderCount", ConditionGroup.Orders, new OrderCountCondition(new IntRange(1)),
            Range("count", integer: true), Window()),
        new("orderAmount", ConditionGroup.Orders, new OrderAmountCondition(AmountBasis.Total, new DecimalRange(0m)),
            Choice<AmountBasis>("basis", "Basis"), Range("amount", integer: false), Window()),
        new("lastOrderDate", ConditionGroup.Orders, new LastOrderDateCondition(LastThirtyDays),
            Window(required: true)),
        new("purchased", ConditionGroup.Products, new PurchasedCondition(Conditions.PurchaseScope.Products, ListMatch.Any, [], IncludeSubcategories: true),
            PurchaseScope, Choice<ListMatch>("match", "ListMatch"), PurchaseIds, Subcategories, Window()),
        new("purchaseAmount", ConditionGroup.Products, new PurchaseAmountCondition(Conditions.PurchaseScope.Products, [], new DecimalRange(0m), IncludeSubcategories: true),
            PurchaseScope, PurchaseIds, Subcategories, Range("amount", integer: false), Window()),
        new("birthday", ConditionGroup.Dates, new BirthdayCondition(BirthdayPeriod.CurrentMonth),
            new ConditionField(FieldEditor.BirthdayPeriod, "period") { Options = EnumOptions<BirthdayPeriod>("Period") }),
        new("registrationDate", ConditionGroup.Dates, new RegistrationDateCondition(LastThirtyDays),
            Window(required: true)),
        new("gender", ConditionGroup.Customer, new GenderCondition(["F"]),
            new ConditionField(FieldEditor.Flags, "genders")
            {
                Options = [new("M", ResourcePrefix + "Gender.M"), new("F", ResourcePrefix + "Gender.F")]
            }),
        new("country", ConditionGroup.Customer, new CountryCondition([]),
            Ids("countryIds", SegmentEntity.Country)),
        new("stateProvince", ConditionGroup.Customer, new StateProvinceCondition([]),
            Ids("stateProvinceIds", SegmentEntity.StateProvince)),
        new("customerRole", ConditionGroup.Customer, new CustomerRoleCondition([]),
            Ids("roleIds", SegmentEntity.CustomerRole)),
        new("tag", ConditionGroup.Customer, new TagCondition([]),
            Ids("tagIds", SegmentEntity.Tag)),
        new("registeredStore", ConditionGroup.Customer, new RegisteredStoreCondition([]),
            Ids("storeIds", SegmentEntity.Store)),
        new("newsletter", ConditionGroup.Customer, new NewsletterCondition(),
            StoreId()),
        new("pointsBalance", ConditionGroup.Customer, new PointsBalanceCondition(new IntRange(1)),
            Range("balance", integer: true), StoreId()),
        new("allRegistered", ConditionGroup.Customer, new AllRegisteredCondition())
    ];

    /// <summary>The resource key of a group's heading in the builder's list.</summary>
    public static string GroupLabelResourceKey(ConditionGroup group) => $"{ResourcePrefix}Group.{group}";

    /// <summary>The kind of a condition class, or null for a class the catalog does not list.</summary>
    public static ConditionKind? Of(Type type) => All.FirstOrDefault(k => k.ClrType == type);

    /// <summary>Makes <see cref="SegmentNode"/> polymorphic over the group and every listed condition, by "type".</summary>
    /// <remarks>Unknown types are rejected both ways: a guessed node would select the wrong customers.</remarks>
    internal static void AddPolymorphism(JsonTypeInfo info)
    {
        if (info.Type != typeof(SegmentNode))
            return;
        var polymorphism = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "type",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization
        };
        polymorphism.DerivedTypes.Add(new JsonDerivedType(typeof(SegmentGroup), GroupType));
        foreach (var kind in All)
            polymorphism.DerivedTypes.Add(new JsonDerivedType(kind.ClrType, kind.Type));
        info.PolymorphismOptions = polymorphism;
    }
}
