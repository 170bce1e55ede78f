using System.Text.Json;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>The kinds of field the builder has an editor for.</summary>
public enum FieldEditor
{
    /// <summary>A min/max range object.</summary>
    Range,
    /// <summary>The "window" date window.</summary>
    Window,
    /// <summary>One of <see cref="ConditionField.Options"/>.</summary>
    Choice,
    /// <summary>A list of some of <see cref="ConditionField.Options"/>.</summary>
    Flags,
    /// <summary>A list of entity ids.</summary>
    Ids,
    /// <summary>One optional store id (absent = any store).</summary>
    Store,
    /// <summary>A birthday's period with its month or days: the birthday condition's own editor.</summary>
    BirthdayPeriod,
    /// <summary>A yes/no checkbox labelled by <see cref="ConditionField.LabelResourceKey"/>.</summary>
    Toggle
}

/// <summary>A value a choice or flags field offers, with the resource key of its label.</summary>
public sealed record FieldOption(string Value, string LabelResourceKey);

/// <summary>A property of a condition as the builder edits it.</summary>
public sealed record ConditionField(FieldEditor Editor, string Name)
{
    /// <summary>A range of whole numbers rather than amounts.</summary>
    public bool Integer { get; init; }

    /// <summary>A window that must be given ("all time" is not offered).</summary>
    public bool Required { get; init; }

    /// <summary>What a choice, flags or birthday field offers.</summary>
    public IReadOnlyList<FieldOption> Options { get; init; } = [];

    /// <summary>Fields a choice empties when it changes: ids of one scope mean nothing in another.</summary>
    public IReadOnlyList<string> Resets { get; init; } = [];

    /// <summary>The entity an ids or store field names.</summary>
    public SegmentEntity? Entity { get; init; }

    /// <summary>The choice field whose value decides the entity of an ids field, through <see cref="ScopeEntities"/>.</summary>
    public string? ScopeField { get; init; }

    /// <summary>The entity of an ids field for each value of <see cref="ScopeField"/>.</summary>
    public IReadOnlyDictionary<string, SegmentEntity> ScopeEntities { get; init; } = new Dictionary<string, SegmentEntity>();

    /// <summary>The resource key of a toggle's label.</summary>
    public string? LabelResourceKey { get; init; }

    /// <summary>The choice field and value under which the field is shown (null: always), as a toggle for categories only.</summary>
    public (string Field, string Value)? ShownWhen { get; init; }

    /// <summary>Every entity the field can name.</summary>
    public IEnumerable<SegmentEntity> Entities => Entity is { } entity ? [entity, .. ScopeEntities.Values] : ScopeEntities.Values;

    internal static ConditionField Range(string name, bool integer) => new(FieldEditor.Range, name) { Integer = integer };

    internal static ConditionField Window(bool required = false) => new(FieldEditor.Window, "window") { Required = required };

    internal static ConditionField Ids(string name, SegmentEntity entity) => new(FieldEditor.Ids, name) { Entity = entity };

    internal static ConditionField Toggle(string name, string label, (string Field, string Value)? shownWhen = null) =>
        new(FieldEditor.Toggle, name) { LabelResourceKey = ConditionCatalog.ResourcePrefix + label, ShownWhen = shownWhen };

    internal static ConditionField StoreId() => new(FieldEditor.Store, "storeId") { Entity = SegmentEntity.Store };

    /// <summary>A choice among an enum's values as JSON writes them, labelled by "{labels}.{member}" resources.</summary>
    internal static ConditionField Choice<TEnum>(string name, string labels, params string[] resets) where TEnum : struct, Enum =>
        new(FieldEditor.Choice, name) { Options = EnumOptions<TEnum>(labels), Resets = resets };

    internal static IReadOnlyList<FieldOption> EnumOptions<TEnum>(string labels) where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>()
            .Select(member => new FieldOption(JsonNamingPolicy.CamelCase.ConvertName(member), $"{ConditionCatalog.ResourcePrefix}{labels}.{member}"))
            .ToList();
}
