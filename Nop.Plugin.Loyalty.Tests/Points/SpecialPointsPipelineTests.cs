using LinqToDB;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Schema;
using Nop.Plugin.Loyalty.Tests.Infrastructure;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>Grant, spend, expire, revoke and purge on a real database, as the plugin runs them.</summary>
public class SpecialPointsPipelineTests(DatabaseKind kind) : DatabaseFixture(kind)
{
    private static readonly DateTime Start = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private ManualClock _clock = null!;
    private CustomerSeeder.Roles _roles = null!;
    private IReadOnlyList<int> _registered = null!;

    [SetUp]
    public void Seed()
    {
        _clock = new ManualClock(Start);
        _roles = CustomerSeeder.CreateRoles(Db);
        _registered = CustomerSeeder.AddCustomers(Db, _roles, 120, seed: 7);
    }

    private LedgerStore Store(int chunkSize = 1000) => new(Db, _clock, chunkSize);

    private int GrantToAll(LedgerStore store, int points, TimeSpan expiresIn, string name = "Autumn bonus")
    {
        var grantId = store.CreateGrant(new GrantTerms(name, points, _clock.UtcNow + expiresIn));
        store.RunGrant(grantId, new AllRegisteredTarget());
        return grantId;
    }

    [Test]
    public void Grant_reaches_exactly_the_registered_active_customers_once()
    {
        var grantId = GrantToAll(Store(), 100, TimeSpan.FromDays(30));

        var recipients = Db.GetTable<LoyaltySpecialGrantRecipient>().Where(r => r.GrantId == grantId).Select(r => r.CustomerId).ToList();
        Assert.That(recipients, Is.EquivalentTo(_registered));
        var entries = Db.GetTable<NopRewardPointsHistory>().ToList();
        Assert.That(entries, Has.Count.EqualTo(_registered.Count));
        Assert.That(entries.Select(e => e.CustomerId), Is.EquivalentTo(_registered));
        Assert.That(entries.All(e => e is { Points: 100, ValidPoints: 100, PointsBalance: 100 } && e.EndDateUtc == Start.AddDays(30)));
    }

    [Test]
    public void Running_balance_starts_from_each_customers_latest_entry()
    {
        var store = Store(chunkSize: 16);
        var rich = _registered[3];
        store.Adjust(rich, 40);
        _clock.Advance(TimeSpan.FromMinutes(1));
        store.Adjust(rich, -15);
        _clock.Advance(TimeSpan.FromMinutes(1));

        GrantToAll(store, 100, TimeSpan.FromDays(30));

        Assert.That(store.Balance(rich), Is.EqualTo(125));
        Assert.That(store.Balance(_registered[4]), Is.EqualTo(100));
    }

    [Test]
    public void A_run_stopped_midway_resumes_without_granting_anyone_twice()
    {
        var store = Store(chunkSize: 10);
        var grantId = store.CreateGrant(new GrantTerms("Resumed", 50, Start.AddDays(10)));

        var first = store.RunGrant(grantId, new AllRegisteredTarget(), stopAfterChunks: 2);
        // Lose the checkpoint, as a crash between insert and checkpoint update would.
        Db.GetTable<LoyaltySpecialGrant>().Where(g => g.Id == grantId).Set(g => g.LastCustomerId, 0).Update();
        var second = store.RunGrant(grantId, new AllRegisteredTarget());

        Assert.That(first, Is.EqualTo(20));
        Assert.That(first + second, Is.EqualTo(_registered.Count));
        var perCustomer = Db.GetTable<NopRewardPointsHistory>().GroupBy(h => h.CustomerId).Select(g => g.Count()).ToList();
        Assert.That(perCustomer, Has.All.EqualTo(1));
    }

    [Test]
    public void Role_and_list_targets_select_only_matching_registered_customers()
    {
        var roles = new RolesTarget([_roles.Vip], ["VIP"]).Compile(NopStore.Sources(Db)).ToList();
        var vipMapped = Db.GetTable<NopCustomerRoleMapping>().Where(m => m.CustomerRoleId == _roles.Vip).Select(m => m.CustomerId).ToList();
        Assert.That(roles, Is.Not.Empty);
        Assert.That(roles, Is.EquivalentTo(vipMapped.Intersect(_registered)));

        var guest = Db.GetTable<NopCustomerRoleMapping>().First(m => m.CustomerRoleId == _roles.Guests).CustomerId;
        var byEmail = _registered[5];
        var list = new CustomerListTarget([_registered[0], guest, 999_999], [$"CUSTOMER{byEmail}@Example.com"], "pasted")
            .Compile(NopStore.Sources(Db)).ToList();
        Assert.That(list, Is.EquivalentTo(new[] { _registered[0], byEmail }));
    }

    [Test]
    public void Spending_consumes_earliest_expiring_points_first()
    {
        var store = Store();
        var customer = _registered[0];
        store.Adjust(customer, 100);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var late = GrantToAll(store, 50, TimeSpan.FromDays(20), "Late");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var early = GrantToAll(store, 30, TimeSpan.FromDays(5), "Early");
        _clock.Advance(TimeSpan.FromMinutes(1));

        store.Spend(customer, 60);

        Assert.That(Remaining(customer, early), Is.EqualTo(0));
        Assert.That(Remaining(customer, late), Is.EqualTo(20));
        Assert.That(store.Balance(customer), Is.EqualTo(120));
        var ordinary = Db.GetTable<NopRewardPointsHistory>().Single(h => h.CustomerId == customer && h.EndDateUtc == null && h.Points == 100);
        Assert.That(ordinary.ValidPoints, Is.EqualTo(100));
    }

    [Test]
    public void Expiry_takes_what_remains_and_never_makes_a_balance_negative()
    {
        var store = Store(chunkSize: 25);
        GrantToAll(store, 80, TimeSpan.FromDays(3));
        var spender = _registered[1];
        var adjusted = _registered[2];
        _clock.Advance(TimeSpan.FromDays(1));
        store.Spend(spender, 30);
        store.Adjust(adjusted, -70); // a manual adjustment that leaves the lot holding more than the balance

        _clock.Advance(TimeSpan.FromDays(3));
        var expired = store.ExpireDue();

        Assert.That(expired, Is.EqualTo(_registered.Count));
        Assert.That(store.Balance(spender), Is.EqualTo(0));
        Assert.That(store.Balance(adjusted), Is.EqualTo(0));
        Assert.That(store.Balance(_registered[3]), Is.EqualTo(0));
        Assert.That(Db.GetTable<NopRewardPointsHistory>().Where(h => h.PointsBalance < 0).Count(), Is.Zero);
        var adjustedExpiry = Db.GetTable<LoyaltyLotExpiry>().Single(x => x.CustomerId == adjusted);
        Assert.That(adjustedExpiry.ExpiredPoints, Is.EqualTo(10));
        Assert.That(store.ExpireDue(), Is.Zero, "a second run finds nothing left to expire");
    }

    [Test]
    public void Revoke_takes_back_one_recipient_or_all_and_never_below_zero()
    {
        var store = Store(chunkSize: 30);
        var grantId = GrantToAll(store, 40, TimeSpan.FromDays(30));
        var one = _registered[0];
        store.Spend(_registered[1], 25);
        store.Adjust(_registered[2], -35);

        Assert.That(store.Revoke(grantId, one), Is.EqualTo(40));
        Assert.That(store.Balance(one), Is.EqualTo(0));
        Assert.That(store.Balance(_registered[3]), Is.EqualTo(40));

        var taken = store.Revoke(grantId);

        Assert.That(taken, Is.EqualTo(40 * (_registered.Count - 3) + 15 + 5));
        Assert.That(_registered.Select(store.Balance), Has.All.EqualTo(0));
        Assert.That(Db.GetTable<LoyaltySpecialGrantRecipient>().Count(r => r.RevokedOnUtc == null), Is.Zero);
    }

    [Test]
    public void Purge_removes_only_expired_unused_lots_old_enough()
    {
        var store = Store();
        var grantId = GrantToAll(store, 60, TimeSpan.FromDays(2));
        var user = _registered[0];
        store.Spend(user, 1);
        _clock.Advance(TimeSpan.FromDays(3));
        store.ExpireDue();
        var entriesBefore = Db.GetTable<NopRewardPointsHistory>().Count();

        _clock.Advance(TimeSpan.FromDays(5));
        Assert.That(store.Purge(purgeAfterDays: 0), Is.Zero, "0 days means never");
        Assert.That(store.Purge(purgeAfterDays: 30), Is.Zero, "expired only 6 days ago");

        var purged = store.Purge(purgeAfterDays: 6);

        Assert.That(purged, Is.EqualTo(_registered.Count - 1));
        var userRecipient = Db.GetTable<LoyaltySpecialGrantRecipient>().Single(r => r.GrantId == grantId && r.CustomerId == user);
        Assert.That(userRecipient.PurgedOnUtc, Is.Null, "a used lot is never purged");
        Assert.That(Db.GetTable<NopRewardPointsHistory>().Count(), Is.EqualTo(entriesBefore - 2 * purged));
        Assert.That(_registered.Select(store.Balance), Has.All.EqualTo(0));
    }

    [Test]
    public void Purge_never_touches_unexpired_lots()
    {
        var store = Store();
        GrantToAll(store, 60, TimeSpan.FromDays(400));
        _clock.Advance(TimeSpan.FromDays(100));

        Assert.That(store.Purge(purgeAfterDays: 1), Is.Zero);
    }

    [Test]
    public void Latest_balance_breaks_equal_times_by_the_higher_id()
    {
        var customer = _registered[0];
        Db.Insert(new NopRewardPointsHistory { CustomerId = customer, StoreId = 1, Points = 10, PointsBalance = 10, CreatedOnUtc = Start, ValidPoints = 10 });
        Db.Insert(new NopRewardPointsHistory { CustomerId = customer, StoreId = 1, Points = 5, PointsBalance = 15, CreatedOnUtc = Start, ValidPoints = 5 });
        Db.Insert(new NopRewardPointsHistory { CustomerId = customer, StoreId = 1, Points = 99, PointsBalance = null, CreatedOnUtc = Start.AddDays(9), ValidPoints = 99 });

        var balance = LedgerQueries.LatestBalances(NopStore.Ledger(Db), Engine.Store.CustomerRange.Spanning([customer, _registered[1]]), Start).ToList();

        Assert.That(balance.Select(b => (b.CustomerId, b.Balance)), Is.EqualTo(new[] { (customer, 15) }));
    }

    [Test]
    public void Balances_of_a_sparse_chunk_name_only_its_own_customers()
    {
        var store = Store();
        GrantToAll(store, 10, TimeSpan.FromDays(5));
        var sparse = Engine.Store.CustomerRange.Spanning([_registered[0], _registered[^1]]);
        var dense = Engine.Store.CustomerRange.Spanning(_registered.Take(50).ToList());

        var sparseBalances = LedgerQueries.LatestBalances(NopStore.Ledger(Db), sparse, _clock.UtcNow).Select(b => b.CustomerId).ToList();
        var denseBalances = LedgerQueries.LatestBalances(NopStore.Ledger(Db), dense, _clock.UtcNow).Select(b => b.CustomerId).ToList();

        Assert.That(sparse.IsDense, Is.False);
        Assert.That(sparseBalances, Is.EquivalentTo(new[] { _registered[0], _registered[^1] }));
        Assert.That(dense.IsDense, Is.True);
        Assert.That(denseBalances, Is.SupersetOf(_registered.Take(50)));
    }

    private int Remaining(int customerId, int grantId)
    {
        var lotId = Db.GetTable<LoyaltySpecialGrantRecipient>().Single(r => r.GrantId == grantId && r.CustomerId == customerId).LedgerEntryId;
        return Db.GetTable<NopRewardPointsHistory>().Single(h => h.Id == lotId).ValidPoints ?? 0;
    }
}
