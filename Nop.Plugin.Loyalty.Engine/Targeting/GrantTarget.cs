using System.Text.Json.Serialization;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Segments;
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

    /// <summary>A short description for confirm screens and grant history, written by the plugin in the viewer's language.</summary>
    public abstract Phrase Describe();
}

/// <summary>Every registered customer.</summary>
public sealed record AllRegisteredTarget : GrantTarget
{
    public override IQueryable<int> Compile(StoreSources sources) =>
        sources.RegisteredCustomers().Select(c => c.Id);

    public override Phrase Describe() => new(PhraseKeys.AllRegistered);
}

/// <summary>Registered customers in any of the given roles.</summary>
/// <param name="RoleNames">The roles' names when the grant was confirmed, shown for a role deleted since.</param>
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

    public override Phrase Describe() => new(PhraseKeys.TargetRoles, new PhraseList(PhraseKeys.JoinComma,
        RoleIds.Select((id, i) => (PhraseValue)new PhraseName(SegmentEntity.CustomerRole, id, i < RoleNames.Count ? RoleNames[i] : null)).ToList()));
}

/// <summary>Registered customers named one by one, by id or email (pasted or uploaded).</summary>
/// <param name="SourceName">The uploaded file's name; null for a pasted list.</param>
/// <param name="RowsRead">
/// The rows of data the list had: its ids and emails and the rows skipped as duplicate or unreadable (0 in grants stored
/// before it was recorded).
/// </param>
public sealed record CustomerListTarget(IReadOnlyList<int> CustomerIds, IReadOnlyList<string> Emails, string? SourceName, int RowsRead = 0)
    : GrantTarget
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

    /// <summary>For example "Customer list (pasted): 7 rows read: 3 customer ids, 1 email, 3 skipped (duplicate or unreadable)".</summary>
    public override Phrase Describe()
    {
        var counts = new List<PhraseValue>();
        if (CustomerIds.Count > 0)
            counts.Add(Phrase.Counted(PhraseKeys.ListIds, CustomerIds.Count));
        if (Emails.Count > 0)
            counts.Add(Phrase.Counted(PhraseKeys.ListEmails, Emails.Count));
        var skipped = RowsRead - CustomerIds.Count - Emails.Count;
        if (skipped > 0)
            counts.Add(Phrase.Counted(PhraseKeys.ListSkipped, skipped));

        PhraseValue summary = new PhraseList(PhraseKeys.JoinComma, counts);
        if (RowsRead > 0)
            summary = Phrase.Counted(PhraseKeys.ListRowsRead, RowsRead, summary);
        return SourceName is null
            ? new Phrase(PhraseKeys.TargetPastedList, summary)
            : new Phrase(PhraseKeys.TargetFileList, new PhraseText(SourceName), summary);
    }
}
