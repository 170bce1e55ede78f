using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>
/// Customers whose reward points balance lies in <paramref name="Balance"/>: the PointsBalance of their latest
/// active ledger entry (by activation, then id), zero without one; in <paramref name="StoreId"/> only when given.
/// </summary>
public sealed record PointsBalanceCondition(IntRange Balance, int? StoreId = null) : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation) =>
        BalanceConditions.Balance(this, compilation.Sources.Ledger, compilation.Context);

    // A balance may be negative, so unlike counts and amounts a negative bound is allowed.
    internal override void Validate(SegmentChecks checks, string path)
    {
        if (Balance.Min is null && Balance.Max is null)
            checks.Add(new($"{path}.balance", ResourceKeys.SegmentRangeRequired));
        else if (Balance.Min > Balance.Max)
            checks.Add(new($"{path}.balance", ResourceKeys.SegmentRangeInverted, Balance.Min!, Balance.Max!));
        if (StoreId is { } store)
            checks.Known(SegmentEntity.Store, store, $"{path}.storeId");
    }

    public override IEnumerable<(SegmentEntity Kind, int Id)> MentionedIds() =>
        StoreId is { } store ? [(SegmentEntity.Store, store)] : [];

    internal override Phrase Describe() => StoreId is { } store
        ? new(PhraseKeys.PointsBalanceStore, SegmentPhrases.Range(Balance), new PhraseName(SegmentEntity.Store, store))
        : new(PhraseKeys.PointsBalance, SegmentPhrases.Range(Balance));
}
