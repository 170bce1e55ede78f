using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Tests.Describing;

namespace Nop.Plugin.Loyalty.Tests.Targeting;

public class GrantTargetJsonTests
{
    private static IEnumerable<GrantTarget> Targets()
    {
        yield return new AllRegisteredTarget();
        yield return new RolesTarget([3, 9], ["VIP", "Wholesale"]);
        yield return new CustomerListTarget([1, 2], ["a@example.com"], "list.csv", 4);
        yield return new CustomerListTarget([5], [], null, 1);
        yield return new SegmentTarget(
            new SegmentDefinition(new SegmentGroup(GroupMatch.All, [
                new OrderCountCondition(new IntRange(1, 1), null),
                new OrderCountCondition(new IntRange(1, null), new DateWindow(new DateOnly(2025, 11, 23), new DateOnly(2026, 11, 23), null, null)) { Not = true }
            ])),
            new SegmentContext(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), new DateTime(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc)),
            segmentName: "Bought once", segmentId: 12);
    }

    [Test]
    public void A_stored_segment_target_keeps_its_definition_instant_and_time_zone()
    {
        var target = (SegmentTarget)Targets().Last();

        var back = (SegmentTarget)GrantTargetJson.Deserialize(GrantTargetJson.Serialize(target));

        Assert.That(SegmentJson.Serialize(back.Definition), Is.EqualTo(SegmentJson.Serialize(target.Definition)));
        Assert.That(back.Context, Is.EqualTo(target.Context));
        Assert.That((back.SegmentName, back.SegmentId), Is.EqualTo(("Bought once", (int?)12)));
    }

    [TestCaseSource(nameof(Targets))]
    public void A_stored_target_reads_back_the_same(GrantTarget target)
    {
        var back = GrantTargetJson.Deserialize(GrantTargetJson.Serialize(target));

        Assert.That(back.GetType(), Is.EqualTo(target.GetType()));
        Assert.That(GrantTargetJson.Serialize(back), Is.EqualTo(GrantTargetJson.Serialize(target)));
        Assert.That(ResourceTexts.English.Render(back.Describe()), Is.EqualTo(ResourceTexts.English.Render(target.Describe())));
    }

    // The stored format, written by hand: a grant saved today must read back in every later version.
    private const string SegmentJsonText =
        "{\"kind\":\"segment\",\"definition\":{\"version\":1,\"root\":{\"type\":\"newsletter\"}}," +
        "\"context\":{\"timeZoneId\":\"Asia/Tokyo\",\"nowUtc\":\"2026-11-23T03:00:00Z\"},\"segmentName\":\"Readers\",\"segmentId\":4}";

    private static IEnumerable<TestCaseData> StoredForms()
    {
        yield return new TestCaseData(new AllRegisteredTarget(), "{\"kind\":\"allRegistered\"}");
        yield return new TestCaseData(new RolesTarget([3, 9], ["VIP", "Wholesale"]),
            "{\"kind\":\"roles\",\"roleIds\":[3,9],\"roleNames\":[\"VIP\",\"Wholesale\"]}");
        yield return new TestCaseData(new CustomerListTarget([1, 2], ["a@example.com"], "list.csv", 4),
            "{\"kind\":\"customerList\",\"customerIds\":[1,2],\"emails\":[\"a@example.com\"],\"sourceName\":\"list.csv\",\"rowsRead\":4}");
        yield return new TestCaseData(new SegmentTarget(new SegmentDefinition(new NewsletterCondition()),
            new SegmentContext(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), new DateTime(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc)),
            segmentName: "Readers", segmentId: 4), SegmentJsonText);
    }

    [TestCaseSource(nameof(StoredForms))]
    public void A_target_is_stored_in_its_documented_form(GrantTarget target, string json) =>
        Assert.That(GrantTargetJson.Serialize(target), Is.EqualTo(json));

    [TestCaseSource(nameof(StoredForms))]
    public void A_hand_written_stored_target_reads_as_the_target(GrantTarget target, string json)
    {
        var read = GrantTargetJson.Deserialize(json);

        Assert.That(read.GetType(), Is.EqualTo(target.GetType()));
        Assert.That(ResourceTexts.English.Render(read.Describe()), Is.EqualTo(ResourceTexts.English.Render(target.Describe())));
        switch (read)
        {
            case RolesTarget roles:
                Assert.That((roles.RoleIds, roles.RoleNames), Is.EqualTo((new[] { 3, 9 }, new[] { "VIP", "Wholesale" })));
                break;
            case CustomerListTarget list:
                Assert.That((list.CustomerIds, list.Emails, list.SourceName, list.RowsRead),
                    Is.EqualTo((new[] { 1, 2 }, new[] { "a@example.com" }, "list.csv", 4)));
                break;
            case SegmentTarget segment:
                Assert.That(segment.Definition.Root, Is.TypeOf<NewsletterCondition>());
                Assert.That((segment.Context.TimeZone.Id, segment.Context.NowUtc, segment.SegmentName, segment.SegmentId),
                    Is.EqualTo(("Asia/Tokyo", new DateTime(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc), "Readers", (int?)4)));
                break;
        }
    }

    [TestCase("{")]
    [TestCase("{\"kind\":\"everyoneOnEarth\"}")]
    [TestCase("null")]
    public void Unreadable_targets_are_refused(string json)
    {
        var ex = Assert.Throws<LoyaltyRuleException>(() => GrantTargetJson.Deserialize(json));

        Assert.That(ex!.ResourceKey, Is.EqualTo(ResourceKeys.TargetUnreadable));
    }

    [Test]
    public void A_role_target_names_its_roles_and_keeps_the_name_of_a_deleted_one()
    {
        // Role 6 is in the store's catalog (VIP); role 3 was deleted since and keeps the name it was stored with.
        var roles = new RolesTarget([6, 3], ["Gold", "Wholesale"]);

        Assert.That(ResourceTexts.English.Render(roles.Describe()), Is.EqualTo("Customers in roles: VIP, Wholesale"));
        Assert.That(ResourceTexts.Japanese.Render(roles.Describe()), Is.EqualTo("顧客ロール: VIP、Wholesale"));
    }

    [Test]
    public void Every_target_kind_is_described_in_both_languages()
    {
        var all = new AllRegisteredTarget().Describe();

        Assert.That(ResourceTexts.English.Render(all), Is.EqualTo("All registered customers"));
        Assert.That(ResourceTexts.Japanese.Render(all), Is.EqualTo("すべての登録会員"));
    }

    // A pasted list of 7 data rows under a header: 3 ids, 1 email, a duplicate id and 2 unreadable rows.
    private const string PastedList = "email\n12\n\n13\nana@example.jp\n12\nnot an email\n14\n???\n";

    [Test]
    public void A_pasted_list_says_how_many_rows_were_read_and_what_they_held()
    {
        var list = CustomerListReader.Read(PastedList);
        var target = new CustomerListTarget(list.CustomerIds, list.Emails, null, list.RowsRead);

        Assert.That(ResourceTexts.English.Render(target.Describe()),
            Is.EqualTo("Customer list (pasted): 7 rows read: 3 customer ids, 1 email, 3 skipped (duplicate or unreadable)"));
        Assert.That(ResourceTexts.Japanese.Render(target.Describe()),
            Is.EqualTo("顧客リスト（貼り付け）: 7行を読み込み: 顧客ID 3件、メールアドレス 1件、3行は重複または読み取れずスキップ"));
    }

    [TestCase(new[] { 5 }, new string[0], 1, "Customer list (vip.csv): 1 row read: 1 customer id")]
    [TestCase(new int[0], new[] { "a@example.com", "b@example.com" }, 2, "Customer list (vip.csv): 2 rows read: 2 emails")]
    [TestCase(new[] { 1, 2 }, new[] { "a@example.com" }, 0, "Customer list (vip.csv): 2 customer ids, 1 email")]
    public void An_uploaded_list_is_named_and_counted_in_the_singular_or_plural(int[] ids, string[] emails, int rowsRead, string english)
    {
        var target = new CustomerListTarget(ids, emails, "vip.csv", rowsRead);

        Assert.That(ResourceTexts.English.Render(target.Describe()), Is.EqualTo(english));
    }
}
