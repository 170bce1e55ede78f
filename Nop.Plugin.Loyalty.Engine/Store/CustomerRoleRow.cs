namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>One customer-to-role mapping, projected from Customer_CustomerRole_Mapping.</summary>
public sealed class CustomerRoleRow
{
    public int CustomerId { get; set; }
    public int CustomerRoleId { get; set; }
}
