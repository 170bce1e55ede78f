using FluentValidation;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Models.Admin;
using Nop.Services.Localization;
using Nop.Web.Framework.Validators;

namespace Nop.Plugin.Loyalty.Validators;

/// <summary>
/// The wizard's campaign step: what must be entered. The campaign's rules (name length, points range, dates) are the
/// engine's, reported by the wizard's preview with the same messages, so they are not written again here.
/// </summary>
public class GrantWizardModelValidator : BaseNopValidator<GrantWizardModel>
{
    public GrantWizardModelValidator(ILocalizationService localizationService)
    {
        When(model => model.Step == GrantWizardStep.Content, () =>
        {
            RuleFor(model => model.Name)
                .NotEmpty()
                .WithMessageAwait(localizationService.GetResourceAsync(ResourceKeys.NameRequired));
            RuleFor(model => model.Points)
                .NotNull()
                .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Wizard.Points.Required"));
            RuleFor(model => model.ExpiresOn)
                .NotNull()
                .WithMessageAwait(localizationService.GetResourceAsync(ResourceKeys.ExpiryRequired));
        });
    }
}
