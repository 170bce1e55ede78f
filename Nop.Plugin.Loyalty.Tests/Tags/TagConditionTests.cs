using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Validation;
using Nop.Plugin.Loyalty.Tests.Segments;

namespace Nop.Plugin.Loyalty.Tests.Tags;

/// <summary>The "has tag" condition's JSON, validation and description, without a database.</summary>
public class TagConditionTests
{
    [Test]
    public void Reads_and_writes_as_type_tag_with_its_tag_ids_and_not()
    {
        var json = "{\"version\":1,\"root\":{\"type\":\"tag\",\"not\":true,\"tagIds\":[4,9]}}";

        var definition = SegmentJson.Parse(json);

        Assert.That(definition.Root, Is.TypeOf<TagCondition>());
        Assert.That(((TagCondition)definition.Root).TagIds, Is.EqualTo(new[] { 4, 9 }));
        Assert.That(definition.Root.Not, Is.True);
        Assert.That(SegmentJson.Parse(SegmentJson.Serialize(definition)).Root, Is.TypeOf<TagCondition>().And.Property("Not").True);
    }

    [Test]
    public void Unknown_tags_and_an_empty_list_are_reported_on_the_field()
    {
        var errors = SegmentValidator.Validate(new SegmentDefinition(new SegmentGroup(GroupMatch.All, [new TagCondition([4, 8]), new TagCondition([])])),
            SegmentValidatorTests.Catalog);

        Assert.That(errors.Select(e => (e.Field, e.ResourceKey)), Is.EquivalentTo(new[]
        {
            ("root.children[0].tagIds", ResourceKeys.SegmentUnknownTag),
            ("root.children[1].tagIds", ResourceKeys.SegmentListEmpty)
        }));
    }

    [Test]
    public void Names_the_tags_it_mentions()
    {
        var definition = new SegmentDefinition(new TagCondition([4, 8]) { Not = true });

        Assert.That(definition.MentionedIds()[SegmentEntity.Tag], Is.EquivalentTo(new[] { 4, 8 }));
        Assert.That(ConditionCatalog.All.Single(k => k.Type == "tag").Entities, Is.EqualTo(new[] { SegmentEntity.Tag }));
    }
}
