namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>nopCommerce's OrderStatus values, which segment definitions refer to by id.</summary>
public static class OrderStatuses
{
    public const int Pending = 10;
    public const int Processing = 20;
    public const int Complete = 30;
    public const int Cancelled = 40;

    /// <summary>Every status a definition may name.</summary>
    public static IReadOnlyList<int> All { get; } = [Pending, Processing, Complete, Cancelled];

    /// <summary>The statuses that count when a definition names none: every one but Cancelled.</summary>
    public static IReadOnlyList<int> CountedByDefault { get; } = [Pending, Processing, Complete];
}
