using System.Text.RegularExpressions;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Models.Tags;

namespace Nop.Plugin.Loyalty.Services.Tags;

/// <summary>The tags a customer sees on their points page (<see cref="VisibleTags"/>), read in one query.</summary>
public partial class CustomerTagBadgeService
{
    /// <summary>The badge colour when a tag has none (or one that is not #rrggbb).</summary>
    public const string DefaultColor = "#6c757d";

    private readonly ILoyaltyData _data;
    private readonly IRepository<CustomerCustomerRoleMapping> _mappingRepository;
    private readonly IRepository<CustomerRole> _roleRepository;
    private readonly IRepository<MemberTag> _tagRepository;

    public CustomerTagBadgeService(ILoyaltyData data,
        IRepository<CustomerCustomerRoleMapping> mappingRepository,
        IRepository<CustomerRole> roleRepository,
        IRepository<MemberTag> tagRepository)
    {
        _data = data;
        _mappingRepository = mappingRepository;
        _roleRepository = roleRepository;
        _tagRepository = tagRepository;
    }

    public virtual async Task<IList<CustomerTagBadgeModel>> GetBadgesAsync(int customerId)
    {
        var held = VisibleTags.HeldBy(
            _tagRepository.Table.Select(t => new TagRow { Id = t.Id, CustomerRoleId = t.CustomerRoleId, VisibleToCustomers = t.VisibleToCustomers }),
            _mappingRepository.Table.Select(m => new CustomerRoleRow { CustomerId = m.CustomerId, CustomerRoleId = m.CustomerRoleId }),
            customerId);

        var badges = await _data.ToListAsync(
            from t in _tagRepository.Table
            join r in _roleRepository.Table on t.CustomerRoleId equals r.Id
            where held.Contains(t.Id)
            orderby t.DisplayOrder, r.Name
            select new { r.Name, t.Color });

        return badges.Select(b => new CustomerTagBadgeModel(b.Name, SafeColor(b.Color))).ToList();
    }

    /// <summary>The colour if it is #rrggbb (it goes into a style attribute), the default otherwise.</summary>
    public static string SafeColor(string color) =>
        color != null && HexColor().IsMatch(color) ? color : DefaultColor;

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColor();
}
