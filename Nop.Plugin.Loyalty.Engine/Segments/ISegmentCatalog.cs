namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>The kinds of store entity a segment definition names by id.</summary>
public enum SegmentEntity
{
    Product,
    Category,
    CustomerRole,
    Country,
    StateProvince,
    Store,
    /// <summary>A member tag (the plugin's tag row, not its customer role).</summary>
    Tag
}

/// <summary>The store's entities a definition may name: validation checks ids against it, descriptions read names from it.</summary>
public interface ISegmentCatalog
{
    /// <summary>The display name of the entity, or null when no such entity exists.</summary>
    string? NameOf(SegmentEntity kind, int id);
}

/// <summary>An in-memory <see cref="ISegmentCatalog"/> built from id-to-name maps.</summary>
public sealed class SegmentCatalog : ISegmentCatalog
{
    private readonly Dictionary<SegmentEntity, IReadOnlyDictionary<int, string>> _names = new();

    /// <summary>A catalog that knows nothing: descriptions show "#id", validation reports every id unknown.</summary>
    public static SegmentCatalog Empty { get; } = new();

    /// <summary>A copy of this catalog that knows the given entities of one kind.</summary>
    public SegmentCatalog With(SegmentEntity kind, IReadOnlyDictionary<int, string> names)
    {
        var copy = new SegmentCatalog();
        foreach (var (k, v) in _names)
            copy._names[k] = v;
        copy._names[kind] = names;
        return copy;
    }

    public string? NameOf(SegmentEntity kind, int id) =>
        _names.TryGetValue(kind, out var names) && names.TryGetValue(id, out var name) ? name : null;
}
