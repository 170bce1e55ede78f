using Nop.Core;
using Nop.Plugin.Loyalty.Engine.Targeting;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>Describes a grant target in the language the admin works in.</summary>
public class TargetDescriber
{
    private readonly IWorkContext _workContext;

    public TargetDescriber(IWorkContext workContext)
    {
        _workContext = workContext;
    }

    public virtual async Task<string> DescribeAsync(GrantTarget target)
    {
        var language = await _workContext.GetWorkingLanguageAsync();
        return target.Describe(language?.LanguageCulture?.StartsWith("ja", StringComparison.OrdinalIgnoreCase) == true
            ? TargetLanguage.Japanese
            : TargetLanguage.English);
    }
}
