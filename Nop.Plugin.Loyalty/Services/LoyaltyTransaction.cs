using System.Transactions;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>The transaction around one chunk's writes: nopCommerce's repositories open a connection per statement, and each enlists in it.</summary>
public static class LoyaltyTransaction
{
    public static TransactionScope Begin() => new(TransactionScopeOption.Required,
        new TransactionOptions { IsolationLevel = IsolationLevel.ReadCommitted, Timeout = TimeSpan.FromMinutes(5) },
        TransactionScopeAsyncFlowOption.Enabled);
}
