namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>
/// Customers with an active newsletter subscription under their email, in any store or in <paramref name="StoreId"/>.
/// Emails are compared as the database compares them (nopCommerce stores both as entered).
/// </summary>
public sealed record NewsletterCondition(int? StoreId = null) : SegmentNode;
