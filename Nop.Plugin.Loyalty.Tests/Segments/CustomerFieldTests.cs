using LinqToDB;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Schema;
using Nop.Plugin.Loyalty.Tests.Segments.Support;

namespace Nop.Plugin.Loyalty.Tests.Segments;

/// <summary>
/// The customer fields each condition declares it reads, against what it selects when a store stops collecting a field:
/// the declarations drive the builder's warnings, so a condition must declare exactly the fields it depends on.
/// </summary>
public sealed class CustomerFieldTests(DatabaseKind kind) : Infrastructure.DatabaseFixture(kind)
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);
    private const int CountryId = 5;
    private const int StateProvinceId = 7;
    private const int ProductId = 1;
    private const int CategoryId = 10;

    // A tag backed by the Registered role: every customer here holds it, whatever fields they lack.
    private const int TagId = 1;

    /// <summary>One condition of every kind, each selecting the one customer of <see cref="Store"/>.</summary>
    private static readonly SegmentCondition[] Conditions =
    [
        new OrderCountCondition(new IntRange(1, 1)),
        new OrderAmountCondition(AmountBasis.Total, new DecimalRange(100m)),
        new LastOrderDateCondition(new DateWindow(Relative: RelativePeriod.LastDays, Days: 30)),
        new PurchasedCondition(PurchaseScope.Products, ListMatch.Any, [ProductId]),
        new PurchaseAmountCondition(PurchaseScope.Categories, [CategoryId], new DecimalRange(100m)),
        new BirthdayCondition(BirthdayPeriod.CurrentMonth),
        new BirthdayCondition(BirthdayPeriod.Month, Month: 11),
        new BirthdayCondition(BirthdayPeriod.Days, From: new MonthDay(11, 1), To: new MonthDay(11, 15)),
        new RegistrationDateCondition(new DateWindow(new DateOnly(2019, 12, 1), new DateOnly(2020, 2, 1))),
        new GenderCondition(["F"]),
        new CountryCondition([CountryId]),
        new StateProvinceCondition([StateProvinceId]),
        new CustomerRoleCondition([StoreData.RegisteredRoleId]),
        new RegisteredStoreCondition([1]),
        new NewsletterCondition(),
        new NewsletterCondition(StoreId: 1),
        new PointsBalanceCondition(new IntRange(1)),
        new AllRegisteredCondition(),
        new TagCondition([TagId])
    ];

    /// <summary>
    /// One customer with every field, then one for each field without it; each with one order, points and a
    /// subscription (unless the newsletter is the field it lacks). The customers by what they lack, null for none.
    /// </summary>
    private static (StoreData Data, Dictionary<CustomerField, int> Lacking, int Complete) Store()
    {
        var data = new StoreData();
        data.Category(ProductId, CategoryId);

        int Add(CustomerField? missing)
        {
            var customer = data.Customer(configure: c =>
            {
                c.DateOfBirth = missing == CustomerField.DateOfBirth ? null : new DateTime(1990, 11, 10);
                c.Gender = missing == CustomerField.Gender ? null : "F";
                c.CountryId = missing == CustomerField.Country ? 0 : CountryId;
                c.StateProvinceId = missing == CustomerField.StateProvince ? 0 : StateProvinceId;
            });
            if (missing != CustomerField.Newsletter)
                data.Subscription(customer.Email!);
            var order = data.Order(customer.Id, Now.AddDays(-3), total: 500m);
            data.Item(order.Id, ProductId, 500m);
            data.Points(customer.Id, 50, Now.AddDays(-3));
            return customer.Id;
        }

        var complete = Add(null);
        var lacking = Enum.GetValues<CustomerField>().ToDictionary(field => field, field => Add(field));
        return (data, lacking, complete);
    }

    [Test]
    public void Every_kind_of_condition_is_tried()
    {
        Assert.That(Conditions.Select(c => c.GetType()).Distinct(), Is.EquivalentTo(ConditionCatalog.All.Select(k => k.ClrType)));
    }

    [Test]
    public void A_condition_stops_matching_exactly_when_a_field_it_declares_is_missing()
    {
        var (data, lacking, complete) = Store();
        data.Insert(Db);
        Db.Insert(new LoyaltyMemberTag { Id = TagId, CustomerRoleId = StoreData.RegisteredRoleId, KindId = 0, CreatedOnUtc = Now });
        var sources = NopStore.Sources(Db);

        var wrong = new List<string>();
        foreach (var condition in Conditions)
        {
            var selected = SegmentCompiler.Compile(new SegmentDefinition(condition), sources, new SegmentContext(Tokyo, Now)).ToHashSet();
            Assert.That(selected, Does.Contain(complete), $"{condition} selects the customer with every field");
            foreach (var (field, customerId) in lacking)
                if (selected.Contains(customerId) == condition.CustomerFields().Contains(field))
                    wrong.Add($"{condition.GetType().Name} without {field}: {(selected.Contains(customerId) ? "still matches" : "no longer matches")}");
        }

        Assert.That(wrong, Is.Empty);
    }
}
