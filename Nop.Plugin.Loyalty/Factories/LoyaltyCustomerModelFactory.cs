using Nop.Core.Domain.Customers;
using Nop.Plugin.Loyalty.Models.Customer;
using Nop.Plugin.Loyalty.Services;
using Nop.Services.Helpers;

namespace Nop.Plugin.Loyalty.Factories;

/// <summary>Prepares the "My points" statement for the customer's page and the admin customer page.</summary>
public class LoyaltyCustomerModelFactory
{
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly PointsStatementService _statementService;
    private readonly LoyaltySettings _loyaltySettings;

    public LoyaltyCustomerModelFactory(IDateTimeHelper dateTimeHelper,
        PointsStatementService statementService,
        LoyaltySettings loyaltySettings)
    {
        _dateTimeHelper = dateTimeHelper;
        _statementService = statementService;
        _loyaltySettings = loyaltySettings;
    }

    /// <summary>
    /// The statement of a customer. Expiry times are converted to the time zone of whoever is viewing
    /// (the customer on their page, the admin on the customer edit page) and grouped per date.
    /// </summary>
    public async Task<MyPointsModel> PrepareMyPointsModelAsync(Customer customer, int storeId)
    {
        ArgumentNullException.ThrowIfNull(customer);

        var statement = await _statementService.GetStatementAsync(customer.Id, storeId);

        var model = new MyPointsModel
        {
            CustomerId = customer.Id,
            Balance = statement.Balance,
            LimitedTotal = statement.LimitedTotal,
            ExpiringSoon = statement.ExpiringSoon,
            ExpiringSoonDays = _loyaltySettings.ExpiringSoonDays,
            NextExpiry = statement.NextExpiryUtc.HasValue ? await ToUserTimeAsync(statement.NextExpiryUtc.Value) : null
        };

        foreach (var limited in statement.Limited)
        {
            var expiresOn = await ToUserTimeAsync(limited.ExpiresOnUtc);
            var group = model.ExpiryDates.LastOrDefault();
            if (group == null || group.Date != expiresOn.Date)
            {
                group = new ExpiryDateModel { Date = expiresOn.Date };
                model.ExpiryDates.Add(group);
            }

            group.Points += limited.Points;
            group.Items.Add(new ExpiringPointsModel { ExpiresOn = expiresOn, Points = limited.Points, IsSpecial = limited.IsSpecial });
        }

        return model;
    }

    private Task<DateTime> ToUserTimeAsync(DateTime utc) =>
        _dateTimeHelper.ConvertToUserTimeAsync(DateTime.SpecifyKind(utc, DateTimeKind.Utc), DateTimeKind.Utc);
}
