namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>A customer as the loyalty rules see it, projected from nopCommerce's Customer table.</summary>
public sealed class CustomerRow
{
    public int Id { get; set; }
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public bool Active { get; set; }
    public bool Deleted { get; set; }
    public bool IsSystemAccount { get; set; }
    public DateTime CreatedOnUtc { get; set; }
    public int RegisteredInStoreId { get; set; }
    public string? Gender { get; set; }
    public DateTime? DateOfBirth { get; set; }
    public int CountryId { get; set; }
    public int StateProvinceId { get; set; }
}
