using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>Checks the terms of a special points grant before anything is granted.</summary>
public static class GrantValidator
{
    public const int MaxNameLength = 200;
    public const int MinPoints = 1;
    public const int MaxPoints = 1_000_000;

    /// <summary>Every broken rule of <paramref name="terms"/>; empty when the grant may go ahead.</summary>
    public static IReadOnlyList<ValidationError> Validate(GrantTerms terms, DateTime nowUtc)
    {
        var errors = new List<ValidationError>();
        var name = terms.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
            errors.Add(new(nameof(GrantTerms.Name), ResourceKeys.NameRequired));
        else if (name.Length > MaxNameLength)
            errors.Add(new(nameof(GrantTerms.Name), ResourceKeys.NameTooLong, MaxNameLength));

        if (terms.Points is < MinPoints or > MaxPoints)
            errors.Add(new(nameof(GrantTerms.Points), ResourceKeys.PointsOutOfRange, MinPoints, MaxPoints));

        if (terms.ExpiresOnUtc is not { } expires)
            errors.Add(new(nameof(GrantTerms.ExpiresOnUtc), ResourceKeys.ExpiryRequired));
        else if (expires <= nowUtc)
            errors.Add(new(nameof(GrantTerms.ExpiresOnUtc), ResourceKeys.ExpiryInPast));
        else if (terms.ActivatesOnUtc is { } activates && expires <= activates)
            errors.Add(new(nameof(GrantTerms.ExpiresOnUtc), ResourceKeys.ExpiryBeforeActivation));

        return errors;
    }
}
