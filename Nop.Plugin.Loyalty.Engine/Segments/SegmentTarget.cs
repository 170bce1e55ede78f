using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Targeting;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>A grant target that selects the customers of a segment, saved (with a name) or built inline.</summary>
/// <param name="Definition">The segment's rule.</param>
/// <param name="Context">The instant and store time zone its windows are evaluated at (the grant's confirm time).</param>
/// <param name="Catalog">Names for the description.</param>
/// <param name="SegmentName">The saved segment's name; null for an inline definition.</param>
public sealed record SegmentTarget(SegmentDefinition Definition, SegmentContext Context, ISegmentCatalog Catalog, string? SegmentName = null)
    : GrantTarget
{
    public override IQueryable<int> Compile(StoreSources sources) => SegmentCompiler.Compile(Definition, sources, Context);

    public override string Describe(TargetLanguage language)
    {
        var rule = SegmentDescriber.Describe(Definition, language, Catalog);
        if (SegmentName is null)
            return rule;
        return language == TargetLanguage.Japanese ? $"セグメント「{SegmentName}」: {rule}" : $"Segment \"{SegmentName}\": {rule}";
    }
}
