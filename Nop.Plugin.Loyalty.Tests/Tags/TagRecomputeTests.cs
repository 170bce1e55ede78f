using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Testing.Schema;
using Nop.Plugin.Loyalty.Tests.Infrastructure;
using Nop.Plugin.Loyalty.Tests.Segments.Support;
using LinqToDB;

namespace Nop.Plugin.Loyalty.Tests.Tags;

/// <summary>
/// Recomputing automatic tags over generated stores, against the in-memory reference evaluator: afterwards the members
/// are exactly the rule's customers, and what was added and removed (counts, observer ids, statements per chunk) is
/// exactly the set difference with the random members the tag started with.
/// </summary>
public sealed class TagRecomputeTests(DatabaseKind kind) : DatabaseFixture(kind)
{
    private const int Customers = 140;
    private const int TagsPerStore = 14;

    private static readonly (int Seed, string Zone, DateTime NowUtc)[] Stores =
    [
        (21, "Asia/Tokyo", new DateTime(2026, 2, 28, 14, 59, 59)),
        (22, "America/New_York", new DateTime(2026, 11, 1, 7, 30, 0)),
    ];

    private static IEnumerable<object[]> Cases() => Stores.Select(s => new object[] { s.Seed, s.Zone, s.NowUtc });

    [TestCaseSource(nameof(Cases))]
    public async Task Recompute_makes_members_the_rules_customers_by_set_difference(int seed, string zoneId, DateTime nowUtc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var store = new RandomStore(seed, zone, nowUtc, Customers);
        var random = new Random(seed);
        var rules = new RandomSegments(seed * 1000, store.BoundaryDays);
        var tags = Enumerable.Range(1, TagsPerStore)
            .Select(id => (Id: id, Rule: rules.Next(), Initial: TagStoreSetup.AddTagRole(store.Data, id, random, random.NextDouble() * 0.6)))
            .ToList();
        var otherMappings = store.Data.RoleMappings.Count(m => m.CustomerRoleId < 100);
        TagStoreSetup.Insert(Db, store.Data, tags.Select(t => (t.Id, (SegmentDefinition?)t.Rule)));
        var reference = new ReferenceEvaluator(store.Data, zone, nowUtc);

        // A chunk size that leaves a ragged last chunk, so boundaries are crossed many times.
        const int chunk = 17;
        var observer = new RecordingTagObserver();
        var counting = new CountingTagStore(new LinqTagStore(Db));
        var pipeline = TestPipeline.Tags(Db, new ManualClock(nowUtc), zone, chunk, observer, counting);

        var failures = new List<string>();
        int added = 0, removed = 0;
        foreach (var tag in tags)
        {
            counting.Writes.Clear();
            var progress = new ListProgress<TagRunProgress>();
            var expected = reference.Evaluate(tag.Rule);
            var toAdd = expected.Except(tag.Initial).ToList();
            var toRemove = tag.Initial.Except(expected).ToList();

            var change = await pipeline.RecomputeAsync(tag.Id, progress);

            var roleId = TagStoreSetup.RoleOf(tag.Id);
            var actual = TagStoreSetup.Members(Db, roleId);
            if (!actual.SetEquals(expected))
                failures.Add($"tag {tag.Id} {SegmentJson.Serialize(tag.Rule)}: expected only [{string.Join(",", expected.Except(actual))}], actual only [{string.Join(",", actual.Except(expected))}]");
            Assert.That(change, Is.EqualTo(new TagChange(toAdd.Count, toRemove.Count)), $"tag {tag.Id}");
            Assert.That(observer.Assigned.Where(a => a.TagId == tag.Id).SelectMany(a => a.CustomerIds), Is.EqualTo(toAdd), $"tag {tag.Id} assigned");
            Assert.That(observer.Removed.Where(a => a.TagId == tag.Id).SelectMany(a => a.CustomerIds), Is.EqualTo(toRemove), $"tag {tag.Id} removed");

            // One insert and one delete at most per chunk; chunks are ids (k*17, (k+1)*17] since customer ids are dense.
            int ChunkOf(int customerId) => (customerId - 1) / chunk;
            Assert.That(counting.Writes.Count(w => w.Write == "add"), Is.EqualTo(toAdd.Select(ChunkOf).Distinct().Count()), $"tag {tag.Id} inserts");
            Assert.That(counting.Writes.Count(w => w.Write == "remove"), Is.EqualTo(toRemove.Select(ChunkOf).Distinct().Count()), $"tag {tag.Id} deletes");
            Assert.That(counting.Writes.All(w => w.RoleIds.SequenceEqual([roleId]) && w.CustomerIds.Select(ChunkOf).Distinct().Count() == 1), $"tag {tag.Id} statements stay in their chunk");
            Assert.That(progress.Reports.Select(p => p.LastCustomerId),
                Is.EqualTo(Enumerable.Range(1, (Customers + chunk - 1) / chunk).Select(k => Math.Min(k * chunk, Customers))), "progress after every chunk");
            Assert.That(progress.Reports[^1].SoFar, Is.EqualTo(change));

            added += toAdd.Count;
            removed += toRemove.Count;
        }

        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(5)));
        Assert.That(added, Is.GreaterThan(TagsPerStore), "too few customers gained a tag to test anything");
        Assert.That(removed, Is.GreaterThan(TagsPerStore), "too few customers lost a tag to test anything");
        Assert.That(Db.GetTable<NopCustomerRoleMapping>().Count(m => m.CustomerRoleId < 100), Is.EqualTo(otherMappings), "other roles untouched");
        Assert.That(Db.GetTable<LoyaltyMemberTag>().Select(t => t.LastRecomputedOnUtc).ToList(), Has.All.EqualTo(nowUtc));
        Assert.That(observer.Errors, Is.Empty);
    }

    [Test]
    public async Task Recomputing_again_changes_nothing()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var now = new DateTime(2026, 2, 28, 14, 59, 59);
        var store = new RandomStore(31, zone, now, 60);
        var rule = new SegmentDefinition(new OrderCountCondition(new IntRange(1)));
        TagStoreSetup.AddTagRole(store.Data, 1, new Random(31), 0.5);
        TagStoreSetup.Insert(Db, store.Data, [(1, rule)]);
        var counting = new CountingTagStore(new LinqTagStore(Db));
        var pipeline = TestPipeline.Tags(Db, new ManualClock(now), zone, 10, store: counting);

        var first = await pipeline.RecomputeAsync(1);
        counting.Writes.Clear();
        var second = await pipeline.RecomputeAsync(1);

        Assert.That(first.Added + first.Removed, Is.GreaterThan(0));
        Assert.That(second, Is.EqualTo(TagChange.None));
        Assert.That(counting.Writes, Is.Empty);
    }

    [Test]
    public async Task Recompute_all_recomputes_every_automatic_tag_and_reports_a_broken_rule_without_stopping()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var now = new DateTime(2026, 2, 28, 14, 59, 59);
        var store = new RandomStore(32, zone, now, 50);
        var random = new Random(32);
        var manual = TagStoreSetup.AddTagRole(store.Data, 1, random, 0.3);
        TagStoreSetup.AddTagRole(store.Data, 2, random, 0.3);
        var broken = TagStoreSetup.AddTagRole(store.Data, 3, random, 0.3);
        TagStoreSetup.AddTagRole(store.Data, 4, random, 0.3);
        var buyers = new SegmentDefinition(new OrderCountCondition(new IntRange(1)));
        var nonBuyers = new SegmentDefinition(new OrderCountCondition(new IntRange(1)) { Not = true });
        TagStoreSetup.Insert(Db, store.Data, [(1, null), (2, buyers), (3, buyers), (4, nonBuyers)]);
        Db.GetTable<LoyaltyMemberTag>().Where(t => t.Id == 3).Set(t => t.RuleJson, "{not json").Update();
        var observer = new RecordingTagObserver();
        var pipeline = TestPipeline.Tags(Db, new ManualClock(now), zone, observer: observer);
        var reference = new ReferenceEvaluator(store.Data, zone, now);

        await pipeline.RecomputeAllAsync();

        Assert.That(TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(1)), Is.EqualTo(manual), "a manual tag is left alone");
        Assert.That(TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(2)), Is.EqualTo(reference.Evaluate(buyers)));
        Assert.That(TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(3)), Is.EqualTo(broken), "a broken rule removes nobody");
        Assert.That(TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(4)), Is.EqualTo(reference.Evaluate(nonBuyers)));
        Assert.That(observer.Errors.Select(e => ((LoyaltyRuleException)e.Exception).ResourceKey), Is.EqualTo(new[] { TagKeys.RuleUnreadable }));
    }

    [Test]
    public void Recomputing_a_manual_or_unknown_tag_is_refused_with_a_message()
    {
        var store = new StoreData();
        store.Customer();
        TagStoreSetup.AddTagRole(store, 1, new Random(1), 1);
        TagStoreSetup.Insert(Db, store, [(1, null)]);
        var pipeline = TestPipeline.Tags(Db, new ManualClock(new DateTime(2026, 1, 1)), TimeZoneInfo.Utc);

        Assert.That(async () => await pipeline.RecomputeAsync(1), Throws.TypeOf<LoyaltyRuleException>().With.Property("ResourceKey").EqualTo(TagKeys.NotAutomatic));
        Assert.That(async () => await pipeline.RecomputeAsync(99), Throws.TypeOf<LoyaltyRuleException>().With.Property("ResourceKey").EqualTo(TagKeys.UnknownTag));
        Assert.That(TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(1)), Is.EqualTo(new[] { 1 }));
    }
}
