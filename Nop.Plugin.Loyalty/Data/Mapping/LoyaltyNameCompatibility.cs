using Nop.Data.Mapping;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Mapping;

/// <summary>Table names of the plugin's entities.</summary>
public class LoyaltyNameCompatibility : INameCompatibility
{
    public const string GrantTable = "LoyaltySpecialGrant";
    public const string RecipientTable = "LoyaltySpecialGrantRecipient";
    public const string LotExpiryTable = "LoyaltyLotExpiry";

    public Dictionary<Type, string> TableNames => new()
    {
        [typeof(SpecialGrant)] = GrantTable,
        [typeof(SpecialGrantRecipient)] = RecipientTable,
        [typeof(LotExpiry)] = LotExpiryTable
    };

    public Dictionary<(Type, string), string> ColumnName => new();
}
