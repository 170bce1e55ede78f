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
        errors.AddRange(CheckName(terms.Name));
        errors.AddRange(CheckPoints(terms.Points));

        if (terms.ExpiresOnUtc is not { } expires)
            errors.Add(new(nameof(GrantTerms.ExpiresOnUtc), ResourceKeys.ExpiryRequired));
        else if (expires <= nowUtc)
            errors.Add(new(nameof(GrantTerms.ExpiresOnUtc), ResourceKeys.ExpiryInPast));
        else if (terms.ActivatesOnUtc is { } activates && expires <= activates)
            errors.Add(new(nameof(GrantTerms.ExpiresOnUtc), ResourceKeys.ExpiryBeforeActivation));

        return errors;
    }

    /// <summary>The broken rules of a campaign name.</summary>
    private static IEnumerable<ValidationError> CheckName(string? name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
            yield return new(nameof(GrantTerms.Name), ResourceKeys.NameRequired);
        else if (trimmed.Length > MaxNameLength)
            yield return new(nameof(GrantTerms.Name), ResourceKeys.NameTooLong, MaxNameLength);
    }

    /// <summary>The broken rules of the points each recipient gets.</summary>
    private static IEnumerable<ValidationError> CheckPoints(int points)
    {
        if (points is < MinPoints or > MaxPoints)
            yield return new(nameof(GrantTerms.Points), ResourceKeys.PointsOutOfRange, MinPoints, MaxPoints);
    }
}
