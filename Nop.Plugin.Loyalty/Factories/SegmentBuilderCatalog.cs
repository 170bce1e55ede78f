using System.Text.Json;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Models.Segments;
using Nop.Services.Localization;

namespace Nop.Plugin.Loyalty.Factories;

/// <summary>The engine's condition catalog in the shape the builder script reads, labels in the admin's language.</summary>
public static class SegmentBuilderCatalog
{
    /// <summary>How the builder names an entity kind (the key of its option list): "customerRole".</summary>
    public static string EntityKey(SegmentEntity entity) => Camel(entity.ToString());

    /// <summary>Every condition kind, in the catalog's order, warning about the customer fields it reads that are not collected.</summary>
    public static async Task<IReadOnlyList<SegmentConditionKindModel>> PrepareConditionKindsAsync(ILocalizationService localizationService,
        IReadOnlySet<CustomerField> collected)
    {
        var kinds = new List<SegmentConditionKindModel>();
        foreach (var kind in ConditionCatalog.All)
        {
            var fields = new List<SegmentConditionFieldModel>();
            foreach (var field in kind.Fields)
            {
                var options = new List<SegmentChoiceModel>();
                foreach (var option in field.Options)
                    options.Add(new SegmentChoiceModel(option.Value, await localizationService.GetResourceAsync(option.LabelResourceKey)));
                fields.Add(new SegmentConditionFieldModel(Camel(field.Editor.ToString()), field.Name, field.Integer, field.Required,
                    options, field.Resets, field.Entity is { } entity ? EntityKey(entity) : null, field.ScopeField,
                    field.ScopeEntities.ToDictionary(e => e.Key, e => EntityKey(e.Value)),
                    field.LabelResourceKey is { } label ? await localizationService.GetResourceAsync(label) : null,
                    field.ShownWhen is { } shown ? new SegmentShownWhenModel(shown.Field, shown.Value) : null));
            }

            var warnings = new List<string>();
            foreach (var field in kind.CustomerFields.Where(field => !collected.Contains(field)))
                warnings.Add(await localizationService.GetResourceAsync(ResourceKeys.SegmentFieldNotCollected(field)));

            using var start = JsonDocument.Parse(kind.StartJson);
            kinds.Add(new SegmentConditionKindModel(kind.Type,
                await localizationService.GetResourceAsync(kind.LabelResourceKey),
                Camel(kind.Group.ToString()),
                await localizationService.GetResourceAsync(ConditionCatalog.GroupLabelResourceKey(kind.Group)),
                start.RootElement.Clone(),
                fields,
                warnings));
        }
        return kinds;
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
