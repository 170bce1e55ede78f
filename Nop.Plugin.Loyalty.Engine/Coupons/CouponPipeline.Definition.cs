using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Engine.Coupons;

public sealed partial class CouponPipeline
{
    /// <summary>Every broken rule of a coupon's terms today (the admin form shows them before anything is stored).</summary>
    public IReadOnlyList<ValidationError> CheckTerms(CouponTerms terms) => CouponValidator.Validate(terms, Today());

    /// <summary>
    /// Stores a coupon after checking its terms again, whoever calls; the display fields (benefit, picture, guide, sort
    /// order) are taken from <paramref name="display"/> when given. Returns the new coupon's id.
    /// </summary>
    public async Task<int> CreateCouponAsync(CouponTerms terms, CouponRow? display = null)
    {
        if (CheckTerms(terms).FirstOrDefault() is { } error)
            throw Refused(error.ResourceKey, error.Arguments);

        var row = terms.ToRow(_options.StoreZone);
        if (display != null)
        {
            row.BenefitText = display.BenefitText;
            row.PictureId = display.PictureId;
            row.UsageGuideHtml = display.UsageGuideHtml;
            row.DisplayOrder = display.DisplayOrder;
        }

        row.CreatedOnUtc = Now();
        return await _writer.InsertCouponAsync(row);
    }
}
