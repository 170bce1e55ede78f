using FluentMigrator;
using Nop.Core.Domain.Customers;
using Nop.Data.Extensions;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Migrations;

/// <summary>
/// The plugin's tables and indexes, plus two indexes on nopCommerce's RewardPointsHistory that the set-based
/// ledger queries need. Down (run by nopCommerce at uninstall) removes everything Up created.
/// </summary>
[NopMigration("2026/11/23 12:00:00:0000000", "Nop.Plugin.Loyalty schema", MigrationProcessType.Installation)]
public class SchemaMigration : Migration
{
    public const string RecipientGrantCustomerIndex = "IX_Loyalty_Recipient_GrantId_CustomerId";
    public const string RecipientLedgerEntryIndex = "IX_Loyalty_Recipient_LedgerEntryId";
    public const string LotExpiryLotEntryIndex = "IX_Loyalty_LotExpiry_LotEntryId";
    public const string LedgerCustomerCreatedIndex = "IX_Loyalty_RewardPointsHistory_CustomerId_CreatedOnUtc_Id";
    public const string LedgerEndDateIndex = "IX_Loyalty_RewardPointsHistory_EndDateUtc";

    // Names come from NameCompatibilityManager, as Create.TableFor uses it (LoyaltyNameCompatibility maps them).
    private static string GrantTable => NameCompatibilityManager.GetTableName(typeof(SpecialGrant));
    private static string RecipientTable => NameCompatibilityManager.GetTableName(typeof(SpecialGrantRecipient));
    private static string LotExpiryTable => NameCompatibilityManager.GetTableName(typeof(LotExpiry));

    private static string LedgerTable => NameCompatibilityManager.GetTableName(typeof(RewardPointsHistory));

    private static string LedgerColumn(string property) => NameCompatibilityManager.GetColumnName(typeof(RewardPointsHistory), property);

    public override void Up()
    {
        if (!Schema.Table(GrantTable).Exists())
            Create.TableFor<SpecialGrant>();
        if (!Schema.Table(RecipientTable).Exists())
            Create.TableFor<SpecialGrantRecipient>();
        if (!Schema.Table(LotExpiryTable).Exists())
            Create.TableFor<LotExpiry>();

        if (!Schema.Table(RecipientTable).Index(RecipientGrantCustomerIndex).Exists())
            Create.Index(RecipientGrantCustomerIndex).OnTable(RecipientTable)
                .OnColumn(nameof(SpecialGrantRecipient.GrantId)).Ascending()
                .OnColumn(nameof(SpecialGrantRecipient.CustomerId)).Ascending()
                .WithOptions().Unique();

        if (!Schema.Table(RecipientTable).Index(RecipientLedgerEntryIndex).Exists())
            Create.Index(RecipientLedgerEntryIndex).OnTable(RecipientTable)
                .OnColumn(nameof(SpecialGrantRecipient.LedgerEntryId)).Ascending();

        if (!Schema.Table(LotExpiryTable).Index(LotExpiryLotEntryIndex).Exists())
            Create.Index(LotExpiryLotEntryIndex).OnTable(LotExpiryTable)
                .OnColumn(nameof(LotExpiry.LotEntryId)).Ascending();

        // nopCommerce has at most IX_RewardPointsHistory_CustomerId (SQL Server upgrades only); the latest-balance
        // and activation queries read (CustomerId, CreatedOnUtc, Id), the expiry task reads EndDateUtc.
        if (!Schema.Table(LedgerTable).Index(LedgerCustomerCreatedIndex).Exists())
            Create.Index(LedgerCustomerCreatedIndex).OnTable(LedgerTable)
                .OnColumn(LedgerColumn(nameof(RewardPointsHistory.CustomerId))).Ascending()
                .OnColumn(LedgerColumn(nameof(RewardPointsHistory.CreatedOnUtc))).Ascending()
                .OnColumn(LedgerColumn(nameof(RewardPointsHistory.Id))).Ascending();

        if (!Schema.Table(LedgerTable).Index(LedgerEndDateIndex).Exists())
            Create.Index(LedgerEndDateIndex).OnTable(LedgerTable)
                .OnColumn(LedgerColumn(nameof(RewardPointsHistory.EndDateUtc))).Ascending();
    }

    public override void Down()
    {
        if (Schema.Table(LedgerTable).Index(LedgerEndDateIndex).Exists())
            Delete.Index(LedgerEndDateIndex).OnTable(LedgerTable);
        if (Schema.Table(LedgerTable).Index(LedgerCustomerCreatedIndex).Exists())
            Delete.Index(LedgerCustomerCreatedIndex).OnTable(LedgerTable);

        if (Schema.Table(LotExpiryTable).Exists())
            Delete.Table(LotExpiryTable);
        if (Schema.Table(RecipientTable).Exists())
            Delete.Table(RecipientTable);
        if (Schema.Table(GrantTable).Exists())
            Delete.Table(GrantTable);
    }
}
