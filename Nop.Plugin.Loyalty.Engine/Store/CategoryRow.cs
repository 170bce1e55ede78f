namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>A category's place in the category tree, projected from nopCommerce's Category (0 = a top category).</summary>
public sealed class CategoryRow
{
    public int Id { get; set; }
    public int ParentCategoryId { get; set; }
    public bool Deleted { get; set; }
}
