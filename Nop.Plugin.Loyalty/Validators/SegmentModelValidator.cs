using FluentValidation;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Models.Segments;
using Nop.Services.Localization;
using Nop.Web.Framework.Validators;

namespace Nop.Plugin.Loyalty.Validators;

/// <summary>
/// The segment page: a name, and texts that fit their columns. The definition is checked by the engine on save and
/// preview, whose errors carry the path of the condition they concern so that the builder can show them there.
/// </summary>
public class SegmentModelValidator : BaseNopValidator<SegmentModel>
{
    public SegmentModelValidator(ILocalizationService localizationService)
    {
        RuleFor(model => model.Name)
            .NotEmpty()
            .WithMessageAwait(localizationService.GetResourceAsync(LoyaltyDefaults.SegmentNameRequiredResource));

        SetDatabaseValidationRules<Segment>(nameof(SegmentModel.DefinitionJson));
    }
}
