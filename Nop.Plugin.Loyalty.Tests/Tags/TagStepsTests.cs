using LinqToDB;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Testing.Schema;
using Nop.Plugin.Loyalty.Tests.Infrastructure;
using Nop.Plugin.Loyalty.Tests.Segments.Support;

namespace Nop.Plugin.Loyalty.Tests.Tags;

/// <summary>Tagging from a selection, by hand, one customer at a time, and the "has tag" condition, on every database.</summary>
public sealed class TagStepsTests(DatabaseKind kind) : DatabaseFixture(kind)
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly DateTime Now = new(2026, 2, 28, 14, 59, 59);

    [TestCase(TagAction.Add)]
    [TestCase(TagAction.Remove)]
    public async Task Apply_tags_or_untags_exactly_the_selection_in_chunks(TagAction action)
    {
        var store = new RandomStore(41, Tokyo, Now, 90);
        var initial = TagStoreSetup.AddTagRole(store.Data, 1, new Random(41), 0.4);
        TagStoreSetup.Insert(Db, store.Data, [(1, null)]);
        var rule = new SegmentDefinition(new OrderAmountCondition(AmountBasis.Total, new DecimalRange(500m)));
        var selected = new ReferenceEvaluator(store.Data, Tokyo, Now).Evaluate(rule);
        var observer = new RecordingTagObserver();
        var counting = new CountingTagStore(new LinqTagStore(Db));
        const int chunk = 20;
        var pipeline = TestPipeline.Tags(Db, new ManualClock(Now), Tokyo, chunk, observer, counting);
        var context = new SegmentContext(Tokyo, Now);

        var change = await pipeline.ApplyAsync(1, sources => SegmentCompiler.Compile(rule, sources, context), action);

        var members = TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(1));
        if (action == TagAction.Add)
        {
            var added = selected.Except(initial).ToList();
            Assert.That(members, Is.EqualTo(new SortedSet<int>(initial.Union(selected))));
            Assert.That(change, Is.EqualTo(new TagChange(added.Count, 0)));
            Assert.That(observer.Assigned.SelectMany(a => a.CustomerIds), Is.EqualTo(added));
            Assert.That(counting.Writes.Select(w => w.Write), Has.All.EqualTo("add"));
            Assert.That(counting.Writes.Count, Is.EqualTo(added.Select(id => (id - 1) / chunk).Distinct().Count()));
            Assert.That(added, Is.Not.Empty);
        }
        else
        {
            var removed = selected.Intersect(initial).ToList();
            Assert.That(members, Is.EqualTo(new SortedSet<int>(initial.Except(selected))));
            Assert.That(change, Is.EqualTo(new TagChange(0, removed.Count)));
            Assert.That(observer.Removed.SelectMany(a => a.CustomerIds), Is.EqualTo(removed));
            Assert.That(counting.Writes.Select(w => w.Write), Has.All.EqualTo("remove"));
            Assert.That(counting.Writes.Count, Is.EqualTo(removed.Select(id => (id - 1) / chunk).Distinct().Count()));
            Assert.That(removed, Is.Not.Empty);
        }
    }

    [Test]
    public async Task Applying_a_selection_to_an_automatic_tag_is_refused_and_changes_no_member()
    {
        var store = new StoreData();
        for (var i = 0; i < 4; i++)
            store.Customer();
        TagStoreSetup.AddTagRole(store, 1, new Random(1), 0.5);
        var rule = new SegmentDefinition(new OrderCountCondition(new IntRange(1)));
        TagStoreSetup.Insert(Db, store, [(1, rule)]);
        var before = TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(1));
        var pipeline = TestPipeline.Tags(Db, new ManualClock(Now), Tokyo);

        foreach (var action in new[] { TagAction.Add, TagAction.Remove })
            Assert.That(async () => await pipeline.ApplyAsync(1, sources => sources.Customers.Select(c => c.Id), action),
                Throws.TypeOf<LoyaltyRuleException>().With.Property("ResourceKey").EqualTo(TagKeys.FollowsItsRule));
        Assert.That(TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(1)), Is.EqualTo(before));
    }

    [Test]
    public async Task Assign_skips_pairs_already_held_and_unknown_customers_so_repeating_it_changes_nothing()
    {
        var store = new StoreData();
        for (var i = 0; i < 6; i++)
            store.Customer(registered: i != 5);
        TagStoreSetup.AddTagRole(store, 1, new Random(1), 0);
        TagStoreSetup.AddTagRole(store, 2, new Random(1), 0);
        store.Role(2, TagStoreSetup.RoleOf(1));
        TagStoreSetup.Insert(Db, store, [(1, null), (2, null)]);
        var observer = new RecordingTagObserver();
        var pipeline = TestPipeline.Tags(Db, new ManualClock(Now), Tokyo, observer: observer);
        TagAssignment[] picks = [new(1, 1), new(1, 2), new(1, 6), new(1, 1), new(1, 999), new(2, 3)];

        var first = await pipeline.AssignAsync(picks);
        var second = await pipeline.AssignAsync(picks);

        Assert.That(first, Is.EqualTo(new TagChange(3, 0)), "1 and 6 (a guest picked by hand) get tag 1; 2 had it; 999 does not exist; 3 gets tag 2");
        Assert.That(second, Is.EqualTo(TagChange.None));
        Assert.That(TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(1)), Is.EqualTo(new[] { 1, 2, 6 }));
        Assert.That(TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(2)), Is.EqualTo(new[] { 3 }));
        Assert.That(observer.Assigned.Select(a => (a.TagId, string.Join(",", a.CustomerIds))), Is.EqualTo(new[] { (1, "1,6"), (2, "3") }));
    }

    [Test]
    public async Task Unassign_removes_only_pairs_held_and_an_unknown_tag_changes_nothing()
    {
        var store = new StoreData();
        for (var i = 0; i < 4; i++)
            store.Customer();
        TagStoreSetup.AddTagRole(store, 1, new Random(1), 1);
        TagStoreSetup.Insert(Db, store, [(1, null)]);
        var observer = new RecordingTagObserver();
        var pipeline = TestPipeline.Tags(Db, new ManualClock(Now), Tokyo, observer: observer);

        Assert.That(async () => await pipeline.UnassignAsync([new(1, 1), new(7, 2)]),
            Throws.TypeOf<LoyaltyRuleException>().With.Property("ResourceKey").EqualTo(TagKeys.UnknownTag));
        Assert.That(TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(1)), Is.EqualTo(new[] { 1, 2, 3, 4 }));

        var first = await pipeline.UnassignAsync([new(1, 1), new(1, 3), new(1, 3), new(1, 999)]);
        var second = await pipeline.UnassignAsync([new(1, 1), new(1, 3)]);

        Assert.That(first, Is.EqualTo(new TagChange(0, 2)));
        Assert.That(second, Is.EqualTo(TagChange.None));
        Assert.That(TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(1)), Is.EqualTo(new[] { 2, 4 }));
        Assert.That(observer.Removed.Select(a => (a.TagId, string.Join(",", a.CustomerIds))), Is.EqualTo(new[] { (1, "1,3") }));
    }

    [Test]
    public async Task Evaluating_one_customer_brings_every_automatic_tag_in_line_with_its_rule_and_leaves_manual_tags()
    {
        var store = new RandomStore(43, Tokyo, Now, 60);
        var random = new Random(43);
        var rules = new RandomSegments(43_000, store.BoundaryDays);
        var automatic = Enumerable.Range(1, 5).Select(id => (Id: id, Rule: rules.Next(), Initial: TagStoreSetup.AddTagRole(store.Data, id, random, 0.5))).ToList();
        var manual = TagStoreSetup.AddTagRole(store.Data, 6, random, 0.5);
        TagStoreSetup.Insert(Db, store.Data, automatic.Select(t => (t.Id, (SegmentDefinition?)t.Rule)).Append((6, null)));
        var reference = new ReferenceEvaluator(store.Data, Tokyo, Now);
        var expected = automatic.ToDictionary(t => t.Id, t => reference.Evaluate(t.Rule));
        var observer = new RecordingTagObserver();
        var counting = new CountingTagStore(new LinqTagStore(Db));
        var pipeline = TestPipeline.Tags(Db, new ManualClock(Now), Tokyo, observer: observer, store: counting);

        int added = 0, removed = 0;
        foreach (var customer in store.Data.Customers)
        {
            counting.Writes.Clear();
            var gains = automatic.Count(t => expected[t.Id].Contains(customer.Id) && !t.Initial.Contains(customer.Id));
            var losses = automatic.Count(t => !expected[t.Id].Contains(customer.Id) && t.Initial.Contains(customer.Id));

            var change = await pipeline.EvaluateCustomerAsync(customer.Id);

            Assert.That(change, Is.EqualTo(new TagChange(gains, losses)), $"customer {customer.Id}");
            Assert.That(counting.Writes.Count(w => w.Write == "add"), Is.EqualTo(gains > 0 ? 1 : 0), "one insert");
            Assert.That(counting.Writes.Count(w => w.Write == "remove"), Is.EqualTo(losses > 0 ? 1 : 0), "one delete");
            added += gains;
            removed += losses;
        }

        foreach (var tag in automatic)
            Assert.That(TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(tag.Id)), Is.EqualTo(expected[tag.Id]), $"tag {tag.Id}");
        Assert.That(TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(6)), Is.EqualTo(manual));
        Assert.That(observer.Assigned.Sum(a => a.CustomerIds.Count), Is.EqualTo(added));
        Assert.That(observer.Removed.Sum(a => a.CustomerIds.Count), Is.EqualTo(removed));
        Assert.That(added, Is.GreaterThan(5));
        Assert.That(removed, Is.GreaterThan(5));
    }

    [Test]
    public async Task Has_tag_selects_the_registered_holders_and_under_not_the_registered_others()
    {
        var store = new RandomStore(44, Tokyo, Now, 80);
        var random = new Random(44);
        var gold = TagStoreSetup.AddTagRole(store.Data, 1, random, 0.3);
        var silver = TagStoreSetup.AddTagRole(store.Data, 2, random, 0.3);
        TagStoreSetup.Insert(Db, store.Data, [(1, null), (2, null)]);
        var reference = new ReferenceEvaluator(store.Data, Tokyo, Now);
        var registered = reference.Evaluate(new SegmentDefinition(new AllRegisteredCondition()));
        var buyers = reference.Evaluate(new SegmentDefinition(new OrderCountCondition(new IntRange(1))));
        var sources = await new LinqTagStore(Db).GetSourcesAsync();
        var context = new SegmentContext(Tokyo, Now);
        SortedSet<int> Run(SegmentNode root) => new(SegmentCompiler.Compile(new SegmentDefinition(root), sources, context).ToList());

        Assert.That(Run(new TagCondition([1])), Is.EqualTo(new SortedSet<int>(registered.Intersect(gold))));
        Assert.That(Run(new TagCondition([1]) { Not = true }), Is.EqualTo(new SortedSet<int>(registered.Except(gold))));
        Assert.That(Run(new TagCondition([1, 2])), Is.EqualTo(new SortedSet<int>(registered.Intersect(gold.Union(silver)))));
        Assert.That(Run(new SegmentGroup(GroupMatch.Any, [new TagCondition([2]), new OrderCountCondition(new IntRange(1))]) { Not = true }),
            Is.EqualTo(new SortedSet<int>(registered.Except(silver).Except(buyers))));
        Assert.That(Run(new SegmentGroup(GroupMatch.All, [new TagCondition([2]), new OrderCountCondition(new IntRange(1))])),
            Is.EqualTo(new SortedSet<int>(buyers.Intersect(silver))));
        Assert.That(Run(new TagCondition([99])), Is.Empty, "an unknown tag selects nobody");
        Assert.That(gold.Intersect(registered).Count(), Is.GreaterThan(3));
    }

    [Test]
    public async Task The_batch_recomputes_only_automatic_tags_never_computed_or_computed_longer_ago_than_the_interval()
    {
        var store = new RandomStore(45, Tokyo, Now, 40);
        var random = new Random(45);
        var rule = new SegmentDefinition(new OrderCountCondition(new IntRange(1)));
        var stale = TagStoreSetup.AddTagRole(store.Data, 1, random, 0.5);
        var fresh = TagStoreSetup.AddTagRole(store.Data, 2, random, 0.5);
        TagStoreSetup.AddTagRole(store.Data, 3, random, 0.5);
        TagStoreSetup.Insert(Db, store.Data, [(1, rule), (2, rule), (3, rule)]);
        var tags = Db.GetTable<LoyaltyMemberTag>();
        tags.Where(t => t.Id == 1).Set(t => t.LastRecomputedOnUtc, Now.AddMinutes(-61)).Update();
        tags.Where(t => t.Id == 2).Set(t => t.LastRecomputedOnUtc, Now.AddMinutes(-59)).Update();
        var expected = new ReferenceEvaluator(store.Data, Tokyo, Now).Evaluate(rule);
        var pipeline = TestPipeline.Tags(Db, new ManualClock(Now), Tokyo);

        await pipeline.RecomputeDueAsync(TimeSpan.FromHours(1));

        Assert.That(TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(1)), Is.EqualTo(expected), "computed 61 minutes ago");
        Assert.That(TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(2)), Is.EqualTo(fresh), "computed 59 minutes ago");
        Assert.That(TagStoreSetup.Members(Db, TagStoreSetup.RoleOf(3)), Is.EqualTo(expected), "never computed");
        Assert.That(stale, Is.Not.EqualTo(expected), "the stale tag had something to change");
        Assert.That(fresh, Is.Not.EqualTo(expected), "the fresh tag would have had something to change");
    }

    [TestCase(TagAction.Add)]
    [TestCase(TagAction.Remove)]
    public void The_customers_a_step_would_change_are_the_selection_lacking_or_holding_the_tag(TagAction action)
    {
        var store = new RandomStore(46, Tokyo, Now, 80);
        var members = TagStoreSetup.AddTagRole(store.Data, 1, new Random(46), 0.4);
        TagStoreSetup.Insert(Db, store.Data, [(1, null)]);
        var selection = new SegmentDefinition(new OrderCountCondition(new IntRange(1)), OrderStatusIds: [30]);
        var selected = new ReferenceEvaluator(store.Data, Tokyo, Now).Evaluate(selection);
        var sources = NopStore.Sources(Db);

        var changing = SegmentCompiler.Compile(TagSelections.Changing(selection, 1, action), sources, new SegmentContext(Tokyo, Now)).ToList();

        var expected = action == TagAction.Add ? selected.Except(members) : selected.Intersect(members);
        Assert.That(changing, Is.EquivalentTo(expected));
        Assert.That(changing, Is.Not.Empty);
    }
}
