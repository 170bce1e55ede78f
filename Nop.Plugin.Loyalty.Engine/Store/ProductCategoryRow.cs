namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>A product's membership of a category, projected from Product_Category_Mapping.</summary>
public sealed class ProductCategoryRow
{
    public int ProductId { get; set; }
    public int CategoryId { get; set; }
}
