namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>
/// A chunk of customers as bulk statements filter it: by the id range it spans, and by the ids themselves only
/// when the range is sparse. A dense chunk's statements stay small and their plans cached, where a list of a
/// thousand ids would be parsed anew each time.
/// </summary>
public sealed class CustomerRange
{
    private const int DenseFactor = 4;

    private CustomerRange(int[] ids)
    {
        Ids = ids;
        First = ids.Length == 0 ? 1 : ids.Min();
        Last = ids.Length == 0 ? 0 : ids.Max();
    }

    /// <summary>The chunk's customer ids.</summary>
    public int[] Ids { get; }

    public int First { get; }

    public int Last { get; }

    /// <summary>Whether the range holds few customers besides the chunk's own, so the range alone filters well enough.</summary>
    public bool IsDense => (long)Last - First + 1 <= (long)Ids.Length * DenseFactor;

    /// <summary>The range of one customer.</summary>
    public static CustomerRange Of(int customerId) => new([customerId]);

    /// <summary>The range of a chunk of customers.</summary>
    public static CustomerRange Spanning(IEnumerable<int> customerIds) => new(customerIds.Distinct().ToArray());
}
