using Nop.Core;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains.Coupons;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>What the admin shows and edits beside a coupon's terms: the texts, the image and the sort order.</summary>
public sealed record CouponDisplay(string BenefitText, int PictureId, string UsageGuideHtml, int DisplayOrder);

/// <summary>
/// Coupon definitions for the admin: the list, reading a coupon back as the terms the admin stated, and storing one.
/// The terms are checked and turned into stored instants by the engine (CouponValidator, CouponTerms.ToRow).
/// </summary>
public class CouponDefinitionService
{
    private readonly IRepository<Coupon> _couponRepository;
    private readonly CouponPipeline _pipeline;
    private readonly CouponOptions _options;

    public CouponDefinitionService(IRepository<Coupon> couponRepository, CouponPipeline pipeline, CouponOptions options)
    {
        _couponRepository = couponRepository;
        _pipeline = pipeline;
        _options = options;
    }

    public Task<IPagedList<Coupon>> SearchAsync(string title, bool withdrawn, int pageIndex, int pageSize) =>
        _couponRepository.GetAllPagedAsync(query =>
        {
            query = query.Where(c => c.Deleted == withdrawn);
            if (!string.IsNullOrWhiteSpace(title))
                query = query.Where(c => c.Title.Contains(title.Trim()));
            return query.OrderBy(c => c.DisplayOrder).ThenByDescending(c => c.Id);
        }, pageIndex, pageSize);

    public Task<Coupon> GetByIdAsync(int id) => _couponRepository.GetByIdAsync(id);

    /// <summary>Every broken rule of the terms today in the store's time zone.</summary>
    public IReadOnlyList<ValidationError> Check(CouponTerms terms) => _pipeline.CheckTerms(terms);

    /// <summary>The terms a stored coupon was defined with, its days read back in the store's time zone.</summary>
    public CouponTerms TermsOf(Coupon coupon)
    {
        var zone = _options.StoreZone;
        DateOnly? from = coupon.ValidFromUtc is { } start
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(start, DateTimeKind.Utc), zone))
            : null;
        DateOnly? to = coupon.ValidUntilUtc is { } until ? ExpiryDay.Of(until, zone).Day : null;
        return new CouponTerms(coupon.Title,
            coupon.ValidDays != null ? CouponValidityKind.DaysFromReceipt : CouponValidityKind.Period,
            from, to, coupon.ValidDays, coupon.Uses, (SharingMode)coupon.SharingModeId, coupon.UsedUpShareable,
            coupon.DiscountId, coupon.Code, coupon.ShowCode);
    }

    /// <summary>Stores a new coupon; throws <see cref="LoyaltyRuleException"/> when its terms break a rule.</summary>
    public Task<int> CreateAsync(CouponTerms terms, CouponDisplay display) =>
        _pipeline.CreateCouponAsync(terms, new CouponRow
        {
            BenefitText = display.BenefitText,
            PictureId = display.PictureId,
            UsageGuideHtml = display.UsageGuideHtml,
            DisplayOrder = display.DisplayOrder
        });

    /// <summary>
    /// Changes a coupon's terms and display. Copies already issued keep their own validity and uses; new copies follow
    /// the new terms. Throws <see cref="LoyaltyRuleException"/> when the terms break a rule.
    /// </summary>
    public async Task UpdateAsync(Coupon coupon, CouponTerms terms, CouponDisplay display)
    {
        if (Check(terms).FirstOrDefault() is { } error)
            throw new LoyaltyRuleException(error.ResourceKey, error.Arguments);

        var row = terms.ToRow(_options.StoreZone);
        coupon.Title = row.Title;
        coupon.ValidFromUtc = row.ValidFromUtc;
        coupon.ValidUntilUtc = row.ValidUntilUtc;
        coupon.ValidDays = row.ValidDays;
        coupon.Uses = row.Uses;
        coupon.SharingModeId = row.SharingModeId;
        coupon.UsedUpShareable = row.UsedUpShareable;
        coupon.DiscountId = row.DiscountId;
        coupon.Code = row.Code;
        coupon.ShowCode = row.ShowCode;
        coupon.BenefitText = display.BenefitText;
        coupon.PictureId = display.PictureId;
        coupon.UsageGuideHtml = display.UsageGuideHtml;
        coupon.DisplayOrder = display.DisplayOrder;
        await _couponRepository.UpdateAsync(coupon, false);
    }

    /// <summary>Those of <paramref name="discountIds"/> that some coupon is linked to.</summary>
    public async Task<IList<int>> LinkedDiscountIdsAsync(IReadOnlyCollection<int> discountIds)
    {
        if (discountIds.Count == 0)
            return [];
        var ids = discountIds.ToArray();
        return await LinqToDB.Async.AsyncExtensions.ToListAsync(_couponRepository.Table
            .Where(c => c.DiscountId != null && ids.Contains(c.DiscountId.Value))
            .Select(c => c.DiscountId.Value)
            .Distinct());
    }

    /// <summary>Links a coupon to the discount an order applies to use it (from the discount's requirement page).</summary>
    public async Task LinkDiscountAsync(Coupon coupon, int discountId)
    {
        coupon.DiscountId = discountId;
        await _couponRepository.UpdateAsync(coupon, false);
    }

    /// <summary>Withdraws a coupon: no longer listed, issued or usable; its copies' history stays.</summary>
    public async Task WithdrawAsync(Coupon coupon)
    {
        coupon.Deleted = true;
        await _couponRepository.UpdateAsync(coupon, false);
    }
}
