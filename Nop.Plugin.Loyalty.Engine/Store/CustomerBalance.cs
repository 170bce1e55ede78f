namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>A customer's current reward points balance, read from their latest ledger entry.</summary>
public sealed class CustomerBalance
{
    public int CustomerId { get; set; }
    public int Balance { get; set; }
}
