using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Tests.Infrastructure;

namespace Nop.Plugin.Loyalty.Tests.Tags;

/// <summary>The customers a newsletter campaign reaches, on each database, against the generated subscriptions.</summary>
public class CampaignRecipientsTests(DatabaseKind kind) : DatabaseFixture(kind)
{
    private TagReportStore _store = null!;

    [SetUp]
    public void Seed() => _store = TagReportStore.Seed(Db, seed: 5, []);

    /// <summary>Registered, active, not deleted customers with an active subscription the campaign targets, read from the rows.</summary>
    private List<int> Expected(int storeId, int roleId, int typeId) =>
        _store.Customers
            .Where(c => c.Active && !c.Deleted && c.Email != null && _store.Holds(c.Id, _store.RegisteredRoleId))
            .Where(c => roleId == 0 || _store.Holds(c.Id, roleId))
            .Where(c => _store.Subscriptions.Any(s => s.Email == c.Email && s.Active
                && (storeId == 0 || s.StoreId == storeId) && (typeId == 0 || s.TypeId == typeId)))
            .Select(c => c.Id).Order().ToList();

    [TestCase(0, -1, 0)]
    [TestCase(1, -1, 0)]
    [TestCase(0, 0, 0)]
    [TestCase(2, 1, 0)]
    [TestCase(0, 2, 2)]
    [TestCase(1, 0, 1)]
    public async Task A_campaign_reaches_the_registered_customers_its_active_subscriptions_name(int storeId, int tagIndex, int typeId)
    {
        var roleId = tagIndex < 0 ? 0 : _store.TagRoleIds[tagIndex];
        var audience = new CampaignAudience(storeId, roleId, typeId, _store.GuestsRoleId);
        var data = new LinqLoyaltyData(Db);

        var ids = await data.ToListAsync(CampaignRecipients.CustomerIds(await data.GetSourcesAsync(), audience));

        var expected = Expected(storeId, roleId, typeId);
        Assert.That(expected, Is.Not.Empty, "the case must reach someone");
        Assert.That(ids.Order(), Is.EqualTo(expected), "each recipient once");
        Assert.That(await CampaignRecipients.CountAsync(data, audience), Is.EqualTo(expected.Count));
    }

    [Test]
    public async Task Subscribers_without_an_account_and_inactive_ones_are_never_reached()
    {
        var data = new LinqLoyaltyData(Db);
        var ids = (await data.ToListAsync(CampaignRecipients.CustomerIds(await data.GetSourcesAsync(), new CampaignAudience(0, 0, 0, _store.GuestsRoleId)))).ToHashSet();

        var unreached = _store.Customers.Where(c => !ids.Contains(c.Id)).ToList();
        Assert.That(unreached.Where(c => !c.Active || c.Deleted || _store.Holds(c.Id, _store.GuestsRoleId)), Is.Not.Empty, "the data has such customers");
        Assert.That(_store.Customers.Where(c => ids.Contains(c.Id)).Where(c => !c.Active || c.Deleted || !_store.Holds(c.Id, _store.RegisteredRoleId)), Is.Empty);
        Assert.That(_store.Subscriptions.Any(s => s.Email.StartsWith("visitor")), Is.True);
    }

    [Test]
    public async Task A_campaign_for_guests_reaches_no_customer()
    {
        var data = new LinqLoyaltyData(Db);

        Assert.That(await CampaignRecipients.CountAsync(data, new CampaignAudience(0, _store.GuestsRoleId, 0, _store.GuestsRoleId)), Is.Zero);
    }
}
