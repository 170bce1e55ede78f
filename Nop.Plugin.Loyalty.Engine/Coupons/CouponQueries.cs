using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>The coupon queries the wallet, the admin grids and the CSV exports share, composed once over the ports.</summary>
public static class CouponQueries
{
    /// <summary>The copies in a wallet tab: the rule of <see cref="CopyStatuses.Of"/> in SQL.</summary>
    public static IQueryable<CopyRow> InTab(IQueryable<CopyRow> copies, CopyStatus tab, DateTime nowColumn) => tab switch
    {
        CopyStatus.Valid => copies.Where(c => c.UsesLeft > 0 && c.ValidUntilUtc > nowColumn),
        CopyStatus.Used => copies.Where(c => c.UsesLeft <= 0),
        CopyStatus.Expired => copies.Where(c => c.UsesLeft > 0 && c.ValidUntilUtc <= nowColumn),
        _ => throw new ArgumentOutOfRangeException(nameof(tab))
    };

    /// <summary>Copies with their coupon's display fields, withdrawn coupons left out; the order of <paramref name="copies"/> is kept.</summary>
    public static IQueryable<WalletItem> Items(IQueryable<CopyRow> copies, IQueryable<CouponRow> coupons) =>
        from c in copies
        join k in coupons on c.CouponId equals k.Id
        where !k.Deleted
        select new WalletItem
        {
            CopyId = c.Id,
            CouponId = c.CouponId,
            Title = k.Title,
            BenefitText = k.BenefitText,
            PictureId = k.PictureId,
            UsageGuideHtml = k.UsageGuideHtml,
            Code = k.ShowCode ? k.Code : null,
            SharingModeId = k.SharingModeId,
            UsedUpShareable = k.UsedUpShareable,
            OriginId = c.OriginId,
            SharedByCustomerId = c.SharedByCustomerId,
            ReceivedOnUtc = c.ReceivedOnUtc,
            ValidFromUtc = c.ValidFromUtc,
            ValidUntilUtc = c.ValidUntilUtc,
            UsesTotal = c.UsesTotal,
            UsesLeft = c.UsesLeft
        };

    /// <summary>Who received which coupon (the history per recipient), one line per copy.</summary>
    public static IQueryable<RecipientLine> Recipients(ICouponData data, StoreSources sources, RecipientFilter filter)
    {
        var copies = data.Copies;
        if (filter.CouponId is { } couponId)
            copies = copies.Where(c => c.CouponId == couponId);
        if (filter.CustomerId is { } customerId)
            copies = copies.Where(c => c.CustomerId == customerId);
        if (filter.Origin is { } origin)
        {
            var originId = (int)origin;
            copies = copies.Where(c => c.OriginId == originId);
        }

        var customers = sources.Customers;
        return from c in copies
            join k in data.Coupons on c.CouponId equals k.Id
            join u in customers on c.CustomerId equals u.Id into us
            from u in us.DefaultIfEmpty()
            join s in customers on c.SharedByCustomerId equals s.Id into ss
            from s in ss.DefaultIfEmpty()
            select new RecipientLine
            {
                CopyId = c.Id,
                CouponId = c.CouponId,
                Title = k.Title,
                CustomerId = c.CustomerId,
                Email = u.Email,
                FirstName = u.FirstName,
                LastName = u.LastName,
                OriginId = c.OriginId,
                ReceivedOnUtc = c.ReceivedOnUtc,
                FirstViewedOnUtc = c.FirstViewedOnUtc,
                SharedByCustomerId = c.SharedByCustomerId,
                SharedByEmail = s.Email,
                LastUsedOnUtc = c.LastUsedOnUtc,
                // Every use taken is UsesLeft - 1 and every use given back + 1, so this is the uses that count.
                UseCount = c.UsesTotal - c.UsesLeft,
                UsesLeft = c.UsesLeft,
                ValidUntilUtc = c.ValidUntilUtc
            };
    }

    /// <summary>Every use (the history per use), filtered by coupon, customer, kind of place or staff member.</summary>
    public static IQueryable<UseLine> Uses(ICouponData data, StoreSources sources, UseFilter filter)
    {
        var uses = data.Uses;
        if (filter.CouponId is { } couponId)
            uses = uses.Where(u => u.CouponId == couponId);
        if (filter.CustomerId is { } customerId)
            uses = uses.Where(u => u.CustomerId == customerId);
        if (filter.CopyId is { } copyId)
            uses = uses.Where(u => u.CopyId == copyId);
        if (filter.Kind is { } kind)
        {
            var kindId = (int)kind;
            uses = uses.Where(u => u.KindId == kindId);
        }

        if (filter.PlaceCustomerId is { } staff)
            uses = uses.Where(u => u.PlaceCustomerId == staff);

        return from u in uses
            join k in data.Coupons on u.CouponId equals k.Id
            join c in sources.Customers on u.CustomerId equals c.Id into cs
            from c in cs.DefaultIfEmpty()
            select new UseLine
            {
                UseId = u.Id,
                CopyId = u.CopyId,
                CouponId = u.CouponId,
                Title = k.Title,
                CustomerId = u.CustomerId,
                Email = c.Email,
                FirstName = c.FirstName,
                LastName = c.LastName,
                KindId = u.KindId,
                OrderId = u.OrderId,
                PlaceCustomerId = u.PlaceCustomerId,
                PlaceName = u.PlaceName,
                UsedOnUtc = u.UsedOnUtc,
                ReturnedOnUtc = u.ReturnedOnUtc
            };
    }

    /// <summary>Each customer who has shared: shares made and referrals credited.</summary>
    public static IQueryable<SharerLine> Sharers(ICouponData data, StoreSources sources)
    {
        var (shares, referrals) = (data.Shares, data.Referrals);
        return from c in sources.Customers
            where shares.Any(s => s.SharerCustomerId == c.Id)
            select new SharerLine
            {
                CustomerId = c.Id,
                Email = c.Email,
                FirstName = c.FirstName,
                LastName = c.LastName,
                Shares = shares.Count(s => s.SharerCustomerId == c.Id),
                Referrals = referrals.Count(r => r.SharerCustomerId == c.Id)
            };
    }
}

/// <summary>Which copies the recipient history shows; null means any.</summary>
public sealed record RecipientFilter(int? CouponId = null, int? CustomerId = null, CopyOrigin? Origin = null);

/// <summary>Which uses the use history shows; null means any. <see cref="PlaceCustomerId"/> is a staff member (a place).</summary>
public sealed record UseFilter(int? CouponId = null, int? CustomerId = null, UseKind? Kind = null, int? PlaceCustomerId = null, int? CopyId = null);

/// <summary>A line of the history per recipient.</summary>
public sealed class RecipientLine
{
    public int CopyId { get; set; }
    public int CouponId { get; set; }
    public string Title { get; set; } = "";
    public int CustomerId { get; set; }
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public int OriginId { get; set; }
    public DateTime ReceivedOnUtc { get; set; }
    public DateTime? FirstViewedOnUtc { get; set; }
    public int? SharedByCustomerId { get; set; }
    public string? SharedByEmail { get; set; }
    public DateTime? LastUsedOnUtc { get; set; }
    public int UseCount { get; set; }
    public int UsesLeft { get; set; }
    public DateTime ValidUntilUtc { get; set; }
}

/// <summary>A line of the history per use.</summary>
public sealed class UseLine
{
    public int UseId { get; set; }
    public int CopyId { get; set; }
    public int CouponId { get; set; }
    public string Title { get; set; } = "";
    public int CustomerId { get; set; }
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public int KindId { get; set; }
    public int? OrderId { get; set; }
    public int? PlaceCustomerId { get; set; }
    public string? PlaceName { get; set; }
    public DateTime UsedOnUtc { get; set; }
    public DateTime? ReturnedOnUtc { get; set; }

    public UseKind Kind => (UseKind)KindId;
}

/// <summary>A line of the sharers grid: a customer's shares and referrals.</summary>
public sealed class SharerLine
{
    public int CustomerId { get; set; }
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public int Shares { get; set; }
    public int Referrals { get; set; }
}
