using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>Reads and writes segment definitions as versioned JSON: {"version":1,"root":{...}}.</summary>
/// <remarks>
/// Reading is strict: an unknown version, an unknown property or node type, a missing or null required value
/// is rejected, never guessed, because a guessed segment would grant points to the wrong customers.
/// </remarks>
public static class SegmentJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowOutOfOrderMetadataProperties = true,
        MaxDepth = 64,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ConditionCatalog.AddPolymorphism } }
    };

    /// <summary>The definition as JSON in the current version.</summary>
    public static string Serialize(SegmentDefinition definition) =>
        JsonSerializer.Serialize(new Document(SegmentDefinition.CurrentVersion, definition.Root, definition.OrderStatusIds, definition.OrderStoreIds), Options);

    /// <summary>One node as the definition's JSON writes it, "type" included.</summary>
    public static string SerializeNode(SegmentNode node) => JsonSerializer.Serialize(node, Options);

    /// <summary>Reads a definition.</summary>
    /// <exception cref="LoyaltyRuleException">
    /// <see cref="ResourceKeys.SegmentVersionUnsupported"/> for a version this engine does not know,
    /// <see cref="ResourceKeys.SegmentMalformed"/> for anything else it cannot read exactly.
    /// </exception>
    public static SegmentDefinition Parse(string json)
    {
        int version;
        try
        {
            using var probe = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            if (probe.RootElement.ValueKind != JsonValueKind.Object
                || !probe.RootElement.TryGetProperty("version", out var v)
                || v.ValueKind != JsonValueKind.Number
                || !v.TryGetInt32(out version))
                throw new LoyaltyRuleException(ResourceKeys.SegmentMalformed, "$.version");
        }
        catch (JsonException e)
        {
            throw new LoyaltyRuleException(ResourceKeys.SegmentMalformed, Location(e));
        }

        if (version != SegmentDefinition.CurrentVersion)
            throw new LoyaltyRuleException(ResourceKeys.SegmentVersionUnsupported, version);

        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Options);
        }
        catch (JsonException e)
        {
            throw new LoyaltyRuleException(ResourceKeys.SegmentMalformed, Location(e));
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            throw new LoyaltyRuleException(ResourceKeys.SegmentMalformed, "$");
        }

        if (document?.Root is null)
            throw new LoyaltyRuleException(ResourceKeys.SegmentMalformed, "$.root");
        // Nullable annotations are not enforced on collection elements, so a null child or id would otherwise slip through.
        if (!HasNoNulls(document.Root))
            throw new LoyaltyRuleException(ResourceKeys.SegmentMalformed, "$.root");
        return new SegmentDefinition(document.Root, document.OrderStatusIds, document.OrderStoreIds);
    }

    /// <summary>Reads a definition, or returns the error instead of throwing.</summary>
    /// <remarks>
    /// The error's field is the path of the place inside the tree that could not be read, as the validator names
    /// fields ("$.root.children[1].count.min (1:52)" gives "root.children[1].count.min"), or "json" for anything else.
    /// </remarks>
    public static bool TryParse(string json, out SegmentDefinition? definition, out Validation.ValidationError? error)
    {
        try
        {
            definition = Parse(json);
            error = null;
            return true;
        }
        catch (LoyaltyRuleException e)
        {
            definition = null;
            var field = e.Arguments is [string location, ..] && TreeLocation.Match(location) is { Success: true } match
                ? match.Groups[1].Value
                : "json";
            error = new Validation.ValidationError(field, e.ResourceKey, [.. e.Arguments]);
            return false;
        }
    }

    private static readonly Regex TreeLocation = new(@"^\$\.(root(?:\.[A-Za-z0-9_]+|\[\d+\])*)(?: \(\d+:\d+\))?$", RegexOptions.CultureInvariant);

    // The store owner sees where the JSON went wrong, not the parser's English internals.
    private static string Location(JsonException e) =>
        e.LineNumber is { } line
            ? $"{e.Path ?? "$"} ({line + 1}:{(e.BytePositionInLine ?? 0) + 1})"
            : e.Path ?? "$";

    private static bool HasNoNulls(SegmentNode? node) => node switch
    {
        null => false,
        SegmentGroup g => g.Children is not null && g.Children.All(HasNoNulls),
        SegmentCondition c => c.HasNoNullElements,
        _ => true
    };

    private sealed record Document(int Version, SegmentNode Root, IReadOnlyList<int>? OrderStatusIds = null, IReadOnlyList<int>? OrderStoreIds = null);
}
