using System.Text.Json;

namespace Nop.Plugin.Loyalty.Models.Segments;

/// <summary>One entry of the engine's condition catalog as the builder script reads it, labels resolved.</summary>
/// <param name="Start">The JSON node the builder puts in place when the condition is picked.</param>
/// <param name="Warnings">Why the condition may match fewer customers than expected here (fields the store does not collect).</param>
public record SegmentConditionKindModel(string Type, string Label, string Group, string GroupLabel, JsonElement Start,
    IReadOnlyList<SegmentConditionFieldModel> Fields, IReadOnlyList<string> Warnings);

/// <summary>A field of a condition as the builder edits it (see the engine's ConditionField).</summary>
public record SegmentConditionFieldModel(string Editor, string Name, bool Integer, bool Required,
    IReadOnlyList<SegmentChoiceModel> Options, IReadOnlyList<string> Resets, string Entity, string ScopeField,
    IReadOnlyDictionary<string, string> ScopeEntities, string Label, SegmentShownWhenModel ShownWhen);

/// <summary>The choice field and value under which a field is shown.</summary>
public record SegmentShownWhenModel(string Field, string Value);

/// <summary>A value a choice offers, with its label.</summary>
public record SegmentChoiceModel(string Value, string Label);
