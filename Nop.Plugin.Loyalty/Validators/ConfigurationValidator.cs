using FluentValidation;
using Nop.Plugin.Loyalty.Models.Admin;
using Nop.Services.Localization;
using Nop.Web.Framework.Validators;

namespace Nop.Plugin.Loyalty.Validators;

/// <summary>The configure page: day counts are never negative (0 turns purging off).</summary>
public class ConfigurationValidator : BaseNopValidator<ConfigurationModel>
{
    public ConfigurationValidator(ILocalizationService localizationService)
    {
        RuleFor(model => model.PurgeAfterDays)
            .GreaterThanOrEqualTo(0)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Configuration.PurgeAfterDays.Invalid"));

        RuleFor(model => model.ExpiringSoonDays)
            .GreaterThanOrEqualTo(0)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Configuration.ExpiringSoonDays.Invalid"));

        RuleFor(model => model.TagRecomputeIntervalMinutes)
            .GreaterThanOrEqualTo(1)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Configuration.TagRecomputeIntervalMinutes.Invalid"));
    }
}
