using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Tests.Resources;

namespace Nop.Plugin.Loyalty.Tests.Segments;

/// <summary>Which customer fields a definition reads, where, and the warnings for the ones a store does not collect.</summary>
public class SegmentFieldUseTests
{
    private const int CountryId = 5;

    [Test]
    public void Reads_name_each_condition_by_its_path_and_warnings_only_the_fields_not_collected()
    {
        var definition = new SegmentDefinition(new SegmentGroup(GroupMatch.All,
        [
            new GenderCondition(["M"]),
            new SegmentGroup(GroupMatch.Any, [new OrderCountCondition(new IntRange(1)), new BirthdayCondition(BirthdayPeriod.CurrentMonth)]),
            new CountryCondition([CountryId]) { Not = true }
        ]));

        var reads = SegmentFieldUse.Reads(definition);
        var warnings = SegmentFieldUse.Uncollected(definition, new HashSet<CustomerField> { CustomerField.Gender, CustomerField.Newsletter });

        Assert.That(reads, Is.EqualTo(new[]
        {
            ("root.children[0]", CustomerField.Gender),
            ("root.children[1].children[1]", CustomerField.DateOfBirth),
            ("root.children[2]", CustomerField.Country)
        }));
        Assert.That(warnings.Select(w => (w.Field, w.ResourceKey)), Is.EqualTo(new[]
        {
            ("root.children[1].children[1]", ResourceKeys.SegmentFieldNotCollected(CustomerField.DateOfBirth)),
            ("root.children[2]", ResourceKeys.SegmentFieldNotCollected(CustomerField.Country))
        }));
    }

    [TestCase("en-US")]
    [TestCase("ja-JP")]
    public void Every_field_warning_has_a_text(string culture)
    {
        var resources = ResourceFilesTests.Resources(culture);

        var missing = Enum.GetValues<CustomerField>().Select(ResourceKeys.SegmentFieldNotCollected)
            .Where(key => !resources.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text));

        Assert.That(missing, Is.Empty);
    }
}
