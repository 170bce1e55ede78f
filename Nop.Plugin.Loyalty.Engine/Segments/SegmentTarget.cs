using System.Text.Json;
using System.Text.Json.Serialization;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Targeting;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>A grant target that selects the customers of a segment, saved (with a name) or built inline.</summary>
/// <remarks>
/// Stored with its grant as the definition, instant and time zone it was confirmed with, so the grant's history
/// shows who was targeted and why even after the saved segment changes.
/// </remarks>
public sealed record SegmentTarget : GrantTarget
{
    /// <param name="definition">The segment's rule.</param>
    /// <param name="context">The instant and store time zone its windows are evaluated at (the grant's confirm time).</param>
    /// <param name="segmentName">The saved segment's name; null for an inline definition.</param>
    /// <param name="segmentId">The saved segment's id; null for an inline definition.</param>
    public SegmentTarget(SegmentDefinition definition, SegmentContext context, string? segmentName = null, int? segmentId = null)
    {
        Definition = definition;
        Context = context;
        SegmentName = segmentName;
        SegmentId = segmentId;
    }

    [JsonConverter(typeof(DefinitionConverter))]
    public SegmentDefinition Definition { get; }

    [JsonConverter(typeof(ContextConverter))]
    public SegmentContext Context { get; }

    public string? SegmentName { get; }

    public int? SegmentId { get; }

    public override IQueryable<int> Compile(StoreSources sources) => SegmentCompiler.Compile(Definition, sources, Context);

    public override Phrase Describe()
    {
        var rule = SegmentDescriber.Describe(Definition);
        return SegmentName is null ? rule : new Phrase(PhraseKeys.TargetSegment, new PhraseText(SegmentName), rule);
    }

    // The definition keeps its own versioned, strictly read format inside the target's JSON.
    private sealed class DefinitionConverter : JsonConverter<SegmentDefinition>
    {
        public override SegmentDefinition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return SegmentJson.Parse(document.RootElement.GetRawText());
        }

        public override void Write(Utf8JsonWriter writer, SegmentDefinition value, JsonSerializerOptions options)
        {
            using var document = JsonDocument.Parse(SegmentJson.Serialize(value));
            document.RootElement.WriteTo(writer);
        }
    }

    private sealed class ContextConverter : JsonConverter<SegmentContext>
    {
        public override SegmentContext Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var zone = TimeZoneInfo.FindSystemTimeZoneById(root.GetProperty("timeZoneId").GetString()!);
            return new SegmentContext(zone, root.GetProperty("nowUtc").GetDateTime());
        }

        public override void Write(Utf8JsonWriter writer, SegmentContext value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("timeZoneId", value.TimeZone.Id);
            writer.WriteString("nowUtc", value.NowUtc);
            writer.WriteEndObject();
        }
    }
}
