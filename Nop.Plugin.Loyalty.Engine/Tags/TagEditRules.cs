using System.Text.RegularExpressions;
using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>
/// What a tag's settings must satisfy before the store keeps them: a name no other customer role carries (the tag's name
/// is its role's name, and the admin picks roles by name in discounts, ACL and newsletters), a #rrggbb colour, and a rule
/// for an automatic tag. The rule's own checks are SegmentValidator's.
/// </summary>
public static partial class TagEditRules
{
    /// <summary>The length of nopCommerce's CustomerRole.Name column.</summary>
    public const int NameMaxLength = 255;

    /// <summary>The length of a tag group's name column.</summary>
    public const int GroupNameMaxLength = 200;

    /// <summary>The colour a new tag gets.</summary>
    public const string DefaultColor = "#3c8dbc";

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();

    public static bool IsColor(string? value) => value != null && ColorPattern().IsMatch(value);

    /// <summary>The name as stored: trimmed, inner runs of white space kept as typed.</summary>
    public static string NormalizeName(string? name) => (name ?? string.Empty).Trim();

    /// <summary>Whether two role names would read as the same name in a list (case and surrounding spaces ignored).</summary>
    public static bool SameName(string? a, string? b) =>
        string.Equals(NormalizeName(a), NormalizeName(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The broken rules of a tag's settings. <paramref name="otherRoleNames"/> are the names of every customer role but
    /// the tag's own; <paramref name="hasRule"/> says whether an automatic tag was given a rule (checked elsewhere).
    /// </summary>
    public static IReadOnlyList<ValidationError> Validate(string? name, string? color, TagKind kind, bool hasRule,
        IEnumerable<string?> otherRoleNames)
    {
        ArgumentNullException.ThrowIfNull(otherRoleNames);
        var errors = new List<ValidationError>();
        var normalized = NormalizeName(name);
        if (normalized.Length == 0)
            errors.Add(new("Name", TagResourceKeys.NameRequired));
        else if (normalized.Length > NameMaxLength)
            errors.Add(new("Name", TagResourceKeys.NameTooLong, NameMaxLength));
        else if (otherRoleNames.Any(other => SameName(other, normalized)))
            errors.Add(new("Name", TagResourceKeys.NameTaken, normalized));

        if (!IsColor(color))
            errors.Add(new("Color", TagResourceKeys.ColorInvalid, color ?? string.Empty));

        if (kind == TagKind.Automatic && !hasRule)
            errors.Add(new("Rule", TagResourceKeys.RuleRequired));

        return errors;
    }

    /// <summary>The broken rules of a tag group's name; <paramref name="otherGroupNames"/> are every other group's.</summary>
    public static IReadOnlyList<ValidationError> ValidateGroup(string? name, IEnumerable<string?> otherGroupNames)
    {
        ArgumentNullException.ThrowIfNull(otherGroupNames);
        var normalized = NormalizeName(name);
        if (normalized.Length == 0)
            return [new("Name", TagResourceKeys.GroupNameRequired)];
        if (normalized.Length > GroupNameMaxLength)
            return [new("Name", TagResourceKeys.NameTooLong, GroupNameMaxLength)];
        if (otherGroupNames.Any(other => SameName(other, normalized)))
            return [new("Name", TagResourceKeys.GroupNameTaken, normalized)];
        return [];
    }
}
