using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Targeting;

namespace Nop.Plugin.Loyalty.Tests.Targeting;

public class GrantTargetJsonTests
{
    private static IEnumerable<GrantTarget> Targets()
    {
        yield return new AllRegisteredTarget();
        yield return new RolesTarget([3, 9], ["VIP", "Wholesale"]);
        yield return new CustomerListTarget([1, 2], ["a@example.com"], "list.csv");
    }

    [TestCaseSource(nameof(Targets))]
    public void A_stored_target_reads_back_the_same(GrantTarget target)
    {
        var back = GrantTargetJson.Deserialize(GrantTargetJson.Serialize(target));

        Assert.That(back.GetType(), Is.EqualTo(target.GetType()));
        Assert.That(GrantTargetJson.Serialize(back), Is.EqualTo(GrantTargetJson.Serialize(target)));
        Assert.That(back.Describe(TargetLanguage.English), Is.EqualTo(target.Describe(TargetLanguage.English)));
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
