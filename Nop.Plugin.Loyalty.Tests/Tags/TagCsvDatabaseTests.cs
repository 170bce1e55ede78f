using System.Text;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Tests.Infrastructure;
using Nop.Plugin.Loyalty.Tests.Segments.Support;

namespace Nop.Plugin.Loyalty.Tests.Tags;

/// <summary>The tag import's customer lookup and the tag exports on every database.</summary>
public sealed class TagCsvDatabaseTests(DatabaseKind kind) : DatabaseFixture(kind)
{
    private const int VipRoleId = 6;
    private const int WholesaleRoleId = 7;

    private static readonly TagRow[] Tags =
    [
        new() { Id = 1, CustomerRoleId = VipRoleId, Name = "VIP" },
        new() { Id = 2, CustomerRoleId = WholesaleRoleId, Name = "Wholesale" }
    ];

    /// <summary>Customers 1-4 registered (3 deleted), 5 a guest; 1 and 2 are VIP, 2 and 4 wholesale, 3 (deleted) VIP.</summary>
    private StoreData Store()
    {
        var data = new StoreData();
        for (var i = 1; i <= 4; i++)
            data.Customer(configure: c => c.Email = $"Member{c.Id}@Example.test");
        data.Customers[2].Deleted = true;
        data.Customer(registered: false);
        data.Role(1, VipRoleId);
        data.Role(2, VipRoleId);
        data.Role(3, VipRoleId);
        data.Role(2, WholesaleRoleId);
        data.Role(4, WholesaleRoleId);
        data.Insert(Db);
        return data;
    }

    [Test]
    public async Task The_lookup_finds_registered_customers_by_id_or_email_without_case()
    {
        Store();
        var preview = await TagCsvImport.PreviewAsync(new LinqLoyaltyData(Db),
            "1,VIP\nmember2@example.TEST,Wholesale\n3,VIP\n5,VIP\n77,VIP", Tags);
        Assert.Multiple(() =>
        {
            Assert.That(preview.Assignments.Select(a => (a.CustomerId, a.TagId)), Is.EqualTo(new[] { (1, 1), (2, 2) }));
            // 3 is deleted, 5 a guest, 77 nobody
            Assert.That(preview.Problems.Select(p => (p.Line, p.ResourceKey)), Is.EqualTo(new[]
            {
                (3, TagResourceKeys.ImportRowUnknownCustomer), (4, TagResourceKeys.ImportRowUnknownCustomer),
                (5, TagResourceKeys.ImportRowUnknownCustomer)
            }));
        });
    }

    [Test]
    public async Task Members_export_pages_by_id_and_leaves_deleted_customers_out()
    {
        Store();
        using var output = new MemoryStream();
        await TagCsvExport.WriteMembersAsync(new LinqLoyaltyData(Db), VipRoleId, ["id", "email", "first", "last"], output, pageSize: 1);
        var lines = Lines(output);
        Assert.That(lines, Is.EqualTo(new[] { "id,email,first,last", "1,Member1@Example.test,,", "2,Member2@Example.test,," }));
    }

    [Test]
    public async Task Customer_tags_export_lists_each_holder_once_with_tags_in_the_import_format()
    {
        Store();
        using var output = new MemoryStream();
        await TagCsvExport.WriteCustomerTagsAsync(new LinqLoyaltyData(Db), Tags, ["customer", "email", "tags"], output, pageSize: 2);
        var lines = Lines(output);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "customer,email,tags", "1,Member1@Example.test,VIP", "2,Member2@Example.test,VIP;Wholesale", "4,Member4@Example.test,Wholesale"
        }));

        // What the export writes, the import reads back as the same memberships.
        var text = Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF');
        var reread = TagCsvImport.Resolve(TagCsvImport.Parse(text),
            [(1, "Member1@Example.test"), (2, "Member2@Example.test"), (4, "Member4@Example.test")], Tags);
        Assert.That(reread.Assignments.Select(a => (a.CustomerId, a.TagId)), Is.EquivalentTo(new[] { (1, 1), (2, 1), (2, 2), (4, 2) }));
    }

    private static string[] Lines(MemoryStream output) =>
        Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
}
