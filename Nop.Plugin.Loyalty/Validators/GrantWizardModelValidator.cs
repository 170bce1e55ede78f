using FluentValidation;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Validation;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models.Admin;
using Nop.Services.Localization;
using Nop.Web.Framework.Validators;

namespace Nop.Plugin.Loyalty.Validators;

/// <summary>
/// The wizard's campaign step: what must be entered, and the engine's rules of the name and the points. The rules on
/// dates (expiry in the future, after the activation) need the admin's time zone and stay with the engine's preview.
/// </summary>
public class GrantWizardModelValidator : BaseNopValidator<GrantWizardModel>
{
    public GrantWizardModelValidator(ILocalizationService localizationService)
    {
        When(model => model.Step == GrantWizardStep.Content, () =>
        {
            RuleFor(model => model.Name).Custom((name, context) =>
                AddFailures(context, nameof(GrantWizardModel.Name), GrantValidator.CheckName(name), localizationService));

            RuleFor(model => model.Points)
                .NotNull()
                .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Wizard.Points.Required"));
            RuleFor(model => model.Points).Custom((points, context) =>
            {
                if (points is { } value)
                    AddFailures(context, nameof(GrantWizardModel.Points), GrantValidator.CheckPoints(value), localizationService);
            });

            RuleFor(model => model.ExpiresOn)
                .NotNull()
                .WithMessageAwait(localizationService.GetResourceAsync(ResourceKeys.ExpiryRequired));
        });
    }

    /// <remarks>Synchronous, as nopCommerce's validators are: ASP.NET's automatic validation does not await.</remarks>
    private static void AddFailures(ValidationContext<GrantWizardModel> context, string property, IEnumerable<ValidationError> errors,
        ILocalizationService localizationService)
    {
        foreach (var error in errors)
            context.AddFailure(property, LocalizedMessages.FormatAsync(localizationService, error).Result);
    }
}
