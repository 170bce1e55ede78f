using FluentValidation;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models.Tags;
using Nop.Services.Localization;
using Nop.Web.Framework.Validators;

namespace Nop.Plugin.Loyalty.Validators;

/// <summary>
/// The tag page's fields: a name and a #rrggbb colour. Whether the name is free among customer roles and whether an
/// automatic tag's rule holds are checked on save by the tag service (the engine's rules), whose errors the page shows.
/// </summary>
public class MemberTagModelValidator : BaseNopValidator<MemberTagModel>
{
    public MemberTagModelValidator(ILocalizationService localizationService)
    {
        RuleFor(model => model.Name)
            .NotEmpty()
            .WithMessageAwait(localizationService.GetResourceAsync(TagResourceKeys.NameRequired));
        RuleFor(model => model.Name)
            .MaximumLength(TagEditRules.NameMaxLength)
            .WithMessageAwait(localizationService.GetResourceAsync(TagResourceKeys.NameTooLong), TagEditRules.NameMaxLength);
        var colorText = localizationService.GetResourceAsync(TagResourceKeys.ColorInvalid).Result;
        RuleFor(model => model.Color)
            .Must(TagEditRules.IsColor)
            .WithMessage(model => LocalizedMessages.Format(colorText, [model.Color ?? string.Empty]));
    }
}

/// <summary>The tag group form: a name.</summary>
public class MemberTagGroupModelValidator : BaseNopValidator<MemberTagGroupModel>
{
    public MemberTagGroupModelValidator(ILocalizationService localizationService)
    {
        RuleFor(model => model.Name)
            .NotEmpty()
            .WithMessageAwait(localizationService.GetResourceAsync(TagResourceKeys.GroupNameRequired));
        RuleFor(model => model.Name)
            .MaximumLength(TagEditRules.GroupNameMaxLength)
            .WithMessageAwait(localizationService.GetResourceAsync(TagResourceKeys.NameTooLong), TagEditRules.GroupNameMaxLength);
    }
}
