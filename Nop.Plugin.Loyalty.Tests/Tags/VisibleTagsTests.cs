using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Tags;

namespace Nop.Plugin.Loyalty.Tests.Tags;

/// <summary>Which tags a customer sees on their points page.</summary>
public class VisibleTagsTests
{
    [Test]
    public void A_customer_sees_the_visible_tags_they_hold_and_no_other()
    {
        var tags = new[]
        {
            new TagRow { Id = 1, CustomerRoleId = 11, VisibleToCustomers = true },
            new TagRow { Id = 2, CustomerRoleId = 12, VisibleToCustomers = false },
            new TagRow { Id = 3, CustomerRoleId = 13, VisibleToCustomers = true },
            new TagRow { Id = 4, CustomerRoleId = 14, VisibleToCustomers = true }
        }.AsQueryable();
        var roles = new[]
        {
            new CustomerRoleRow { CustomerId = 5, CustomerRoleId = 11 },
            new CustomerRoleRow { CustomerId = 5, CustomerRoleId = 12 },
            new CustomerRoleRow { CustomerId = 6, CustomerRoleId = 13 },
            new CustomerRoleRow { CustomerId = 5, CustomerRoleId = 14 }
        }.AsQueryable();

        Assert.That(VisibleTags.HeldBy(tags, roles, 5), Is.EquivalentTo(new[] { 1, 4 }));
        Assert.That(VisibleTags.HeldBy(tags, roles, 6), Is.EquivalentTo(new[] { 3 }));
        Assert.That(VisibleTags.HeldBy(tags, roles, 7), Is.Empty);
    }
}

/// <summary>The tag reports' messages have texts in both languages.</summary>
public class TagReportMessagesTests
{
    [TestCase("en-US")]
    [TestCase("ja-JP")]
    public void Every_tag_report_message_has_a_text(string culture)
    {
        var resources = Resources.ResourceFilesTests.Resources(culture);
        var keys = typeof(TagReportMessages).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.That(keys, Has.Count.EqualTo(2));
        Assert.That(keys.Where(k => !resources.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)), Is.Empty);
    }
}
