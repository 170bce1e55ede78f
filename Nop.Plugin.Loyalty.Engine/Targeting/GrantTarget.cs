using System.Text.Json.Serialization;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Targeting;

/// <summary>Who receives a grant; compiles to one query of customer ids, never run per customer.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(AllRegisteredTarget), "allRegistered")]
[JsonDerivedType(typeof(RolesTarget), "roles")]
[JsonDerivedType(typeof(CustomerListTarget), "customerList")]
[JsonDerivedType(typeof(Segments.SegmentTarget), "segment")]
public abstract record GrantTarget
{
    /// <summary>The ids of the registered customers this target selects.</summary>
    public abstract IQueryable<int> Compile(StoreSources sources);

    /// <summary>A short description for confirm screens and grant history.</summary>
    public abstract string Describe(TargetLanguage language);
}

/// <summary>The languages in which the engine describes targets.</summary>
public enum TargetLanguage
{
    English,
    Japanese
}

/// <summary>Every registered customer.</summary>
public sealed record AllRegisteredTarget : GrantTarget
{
    public override IQueryable<int> Compile(StoreSources sources) =>
        sources.RegisteredCustomers().Select(c => c.Id);

    public override string Describe(TargetLanguage language) => language == TargetLanguage.Japanese
        ? "すべての登録会員"
        : "All registered customers";
}

/// <summary>Registered customers in any of the given roles.</summary>
public sealed record RolesTarget(IReadOnlyList<int> RoleIds, IReadOnlyList<string> RoleNames) : GrantTarget
{
    public override IQueryable<int> Compile(StoreSources sources)
    {
        var roleIds = RoleIds.ToArray();
        var roles = sources.CustomerRoles;
        return sources.RegisteredCustomers()
            .Where(c => roles.Any(r => r.CustomerId == c.Id && roleIds.Contains(r.CustomerRoleId)))
            .Select(c => c.Id);
    }

    public override string Describe(TargetLanguage language) => language == TargetLanguage.Japanese
        ? $"顧客ロール: {string.Join("、", RoleNames)}"
        : $"Customers in roles: {string.Join(", ", RoleNames)}";
}

/// <summary>Registered customers named one by one, by id or email (pasted or uploaded).</summary>
public sealed record CustomerListTarget(IReadOnlyList<int> CustomerIds, IReadOnlyList<string> Emails, string SourceName) : GrantTarget
{
    public override IQueryable<int> Compile(StoreSources sources) => Matching(sources).Select(c => c.Id);

    /// <summary>The registered customers the list names, by id or by email (without regard to case, as sign-in compares).</summary>
    public IQueryable<CustomerRow> Matching(StoreSources sources)
    {
        var ids = CustomerIds.ToArray();
        var emails = Emails.Select(e => e.ToLowerInvariant()).ToArray();
        return sources.RegisteredCustomers()
            .Where(c => ids.Contains(c.Id) || (c.Email != null && emails.Contains(c.Email.ToLower())));
    }

    public override string Describe(TargetLanguage language)
    {
        var count = CustomerIds.Count + Emails.Count;
        return language == TargetLanguage.Japanese
            ? $"顧客リスト ({SourceName}, {count} 行)"
            : $"Customer list ({SourceName}, {count} rows)";
    }
}
