using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Targeting;

namespace Nop.Plugin.Loyalty.Tests.Targeting;

public class GrantTargetJsonTests
{
    private static IEnumerable<GrantTarget> Targets()
    {
        yield return new AllRegisteredTarget();
        yield return new RolesTarget([3, 9], ["VIP", "Wholesale"]);
        yield return new CustomerListTarget([1, 2], ["a@example.com"], "list.csv");
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
        Assert.That(back.Describe(TargetLanguage.English), Is.EqualTo(target.Describe(TargetLanguage.English)));
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
        yield return new TestCaseData(new CustomerListTarget([1, 2], ["a@example.com"], "list.csv"),
            "{\"kind\":\"customerList\",\"customerIds\":[1,2],\"emails\":[\"a@example.com\"],\"sourceName\":\"list.csv\"}");
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
        Assert.That(read.Describe(TargetLanguage.English), Is.EqualTo(target.Describe(TargetLanguage.English)));
        switch (read)
        {
            case RolesTarget roles:
                Assert.That((roles.RoleIds, roles.RoleNames), Is.EqualTo((new[] { 3, 9 }, new[] { "VIP", "Wholesale" })));
                break;
            case CustomerListTarget list:
                Assert.That((list.CustomerIds, list.Emails, list.SourceName), Is.EqualTo((new[] { 1, 2 }, new[] { "a@example.com" }, "list.csv")));
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
    public void Targets_describe_themselves_in_english_and_japanese()
    {
        var roles = new RolesTarget([3], ["VIP"]);

        Assert.That(roles.Describe(TargetLanguage.English), Is.EqualTo("Customers in roles: VIP"));
        Assert.That(roles.Describe(TargetLanguage.Japanese), Is.EqualTo("顧客ロール: VIP"));
    }
}
