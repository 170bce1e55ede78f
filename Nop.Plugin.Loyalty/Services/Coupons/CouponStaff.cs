using Nop.Core.Domain.Customers;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Services.Customers;
using Nop.Services.Security;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>Who may use a customer's copy at the counter, and how they are recorded as the use's place.</summary>
public class CouponStaff
{
    private readonly ICustomerService _customerService;
    private readonly IPermissionService _permissionService;

    public CouponStaff(ICustomerService customerService, IPermissionService permissionService)
    {
        _customerService = customerService;
        _permissionService = permissionService;
    }

    /// <summary>A signed-in customer with the "Redeem coupons in store" permission (Administrators have it at install).</summary>
    public async Task<bool> MayRedeemAsync(Customer customer) =>
        customer != null && await _customerService.IsRegisteredAsync(customer)
        && await _permissionService.AuthorizeAsync(LoyaltyDefaults.RedeemCouponsPermission, customer);

    /// <summary>The staff member as the use's place: their id and name (their email when they have no name).</summary>
    public async Task<UsePlace> PlaceOfAsync(Customer staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var name = await _customerService.GetCustomerFullNameAsync(staff);
        return new UsePlace(staff.Id, string.IsNullOrWhiteSpace(name) ? staff.Email ?? staff.Username ?? $"#{staff.Id}" : name.Trim());
    }
}
