using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>
/// Customers with an active newsletter subscription under their email, in any store or in <paramref name="StoreId"/>.
/// Emails are compared as the database compares them (nopCommerce stores both as entered).
/// </summary>
public sealed record NewsletterCondition(int? StoreId = null) : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation) =>
        CustomerConditions.Newsletter(StoreId, compilation.Sources.NewsletterSubscriptions);

    public override IReadOnlyList<CustomerField> CustomerFields() => [CustomerField.Newsletter];

    internal override void Validate(SegmentChecks checks, string path)
    {
        if (StoreId is { } store)
            checks.Known(SegmentEntity.Store, store, $"{path}.storeId");
    }

    public override IEnumerable<(SegmentEntity Kind, int Id)> MentionedIds() =>
        StoreId is { } store ? [(SegmentEntity.Store, store)] : [];

    internal override Phrase Describe() => StoreId is { } store
        ? new(PhraseKeys.NewsletterStore, new PhraseName(SegmentEntity.Store, store))
        : new(PhraseKeys.Newsletter);
}
