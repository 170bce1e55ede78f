using FluentAssertions;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Localization;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Services;
using Nop.Services.Localization;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

/// <summary>Descriptions of targets and segments, written when read, in the reader's language, from the shipped resources.</summary>
[TestFixture]
public class TargetDescriptionTests : LoyaltyHarness
{
    private Language _english;
    private Language _japanese;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        await CreateServicesAsync();
        _english = await AddLanguageAsync("English (descriptions)", "en-US", "xe");
        _japanese = await AddLanguageAsync("日本語 (descriptions)", "ja-JP", "xj");
        // As nopCommerce's Japanese language pack words the status.
        await GetService<ILocalizationService>().InsertLocaleStringResourceAsync(new LocaleStringResource
        {
            LanguageId = _japanese.Id,
            ResourceName = "Enums.Nop.Core.Domain.Orders.OrderStatus.Complete",
            ResourceValue = "完了"
        });
    }

    [OneTimeTearDown]
    public async Task TearDownAsync()
    {
        foreach (var language in new[] { _english, _japanese }.Where(l => l != null))
            await GetService<ILanguageService>().DeleteLanguageAsync(language);
    }

    private async Task<Language> AddLanguageAsync(string name, string culture, string seoCode)
    {
        var language = new Language { Name = name, LanguageCulture = culture, UniqueSeoCode = seoCode, FlagImageFileName = "", Published = true };
        await GetService<ILanguageService>().InsertLanguageAsync(language);
        await ImportShippedResourcesAsync(language, culture);
        return language;
    }

    [Test]
    public async Task A_pasted_list_grant_stores_no_text_and_reads_in_each_language()
    {
        var customers = await CreateCustomersAsync(3, "described");
        var draft = await ListDraftAsync("Described campaign", 10, customers, DateTime.UtcNow.AddDays(3),
            customers[0].Id.ToString(), "not an email");
        // pasted, not uploaded: the stored list has no name
        draft.CustomerListToken = (await UploadedLists.SaveAsync((await UploadedLists.GetAsync(draft.CustomerListToken)).Text, null, null)).Token;

        var grant = await Wizard.CreateGrantAsync(draft, 0);

        grant.TargetDescription.Should().BeNull("nothing is stored in the language of whoever created the grant");
        (await Describer.DescribeGrantsAsync([grant], _english))[grant.Id]
            .Should().Be("Customer list (pasted): 5 rows read: 3 customer ids, 2 skipped (duplicate or unreadable)");
        (await Describer.DescribeGrantsAsync([grant], _japanese))[grant.Id]
            .Should().Be("顧客リスト（貼り付け）: 5行を読み込み: 顧客ID 3件、2行は重複または読み取れずスキップ");
    }

    [Test]
    public async Task A_segment_names_products_including_deleted_ones_and_statuses_from_nopCommerce_resources()
    {
        var products = GetService<IRepository<Product>>();
        var product = await products.Table.Where(p => !p.Deleted).OrderBy(p => p.Id).FirstAsync();
        var retired = new Product { Name = "Retired lamp", Deleted = true, CreatedOnUtc = DateTime.UtcNow, UpdatedOnUtc = DateTime.UtcNow };
        await products.InsertAsync(retired, false);
        var definition = SegmentJson.Parse("{\"version\":1,\"root\":{\"type\":\"purchased\",\"scope\":\"products\",\"match\":\"any\",\"ids\":["
                                           + product.Id + "," + retired.Id + "]},\"orderStatusIds\":[30]}");

        var phrases = new[] { SegmentDescriber.Describe(definition) };

        (await Describer.DescribeAsync(phrases, _english)).Single().Should().Be(
            $"Customers who bought any of products {product.Name}, Retired lamp (counting only orders with status Complete)");
        (await Describer.DescribeAsync(phrases, _japanese)).Single().Should().Be(
            $"次の条件に合う登録会員: 商品（{product.Name}、Retired lamp）のいずれかを購入（対象の注文: ステータスが完了）");
    }

    [Test]
    public async Task A_grant_whose_stored_target_cannot_be_read_keeps_the_text_stored_with_it()
    {
        var old = new SpecialGrant { Id = int.MaxValue, TargetJson = "{", TargetDescription = "Customer list (pasted list, 4 rows)" };

        (await Describer.DescribeGrantsAsync([old], _japanese))[old.Id].Should().Be("Customer list (pasted list, 4 rows)");
    }
}
