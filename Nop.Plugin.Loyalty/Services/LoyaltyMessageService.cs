using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;
using System.Globalization;
using Nop.Core;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Services.Affiliates;
using Nop.Services.Catalog;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Core.Events;
using Nop.Services.Events;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.Stores;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// Queues the "special points granted" message through nopCommerce's email queue: the template's email account,
/// nopCommerce's store and customer tokens plus the plugin's, one queued email per recipient, inserted per chunk.
/// </summary>
public class LoyaltyMessageService : WorkflowMessageService
{
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly IRepository<Customer> _customerRepository;
    private readonly IRepository<NewsLetterSubscription> _subscriptionRepository;
    private readonly IRepository<QueuedEmail> _queuedEmailRepository;
    private readonly ILoyaltyData _data;
    private readonly PipelineOptions _pipelineOptions;
    private readonly LoyaltySettings _loyaltySettings;

    public LoyaltyMessageService(CommonSettings commonSettings,
        EmailAccountSettings emailAccountSettings,
        IAddressService addressService,
        IAffiliateService affiliateService,
        ICustomerService customerService,
        IEmailAccountService emailAccountService,
        IEventPublisher eventPublisher,
        ILanguageService languageService,
        ILocalizationService localizationService,
        IMessageTemplateService messageTemplateService,
        IMessageTokenProvider messageTokenProvider,
        IOrderService orderService,
        IProductService productService,
        IQueuedEmailService queuedEmailService,
        IStoreContext storeContext,
        IStoreService storeService,
        ITokenizer tokenizer,
        MessagesSettings messagesSettings,
        IDateTimeHelper dateTimeHelper,
        IRepository<Customer> customerRepository,
        IRepository<NewsLetterSubscription> subscriptionRepository,
        IRepository<QueuedEmail> queuedEmailRepository,
        ILoyaltyData data,
        PipelineOptions pipelineOptions,
        LoyaltySettings loyaltySettings)
        : base(commonSettings, emailAccountSettings, addressService, affiliateService, customerService, emailAccountService,
            eventPublisher, languageService, localizationService, messageTemplateService, messageTokenProvider, orderService,
            productService, queuedEmailService, storeContext, storeService, tokenizer, messagesSettings)
    {
        _dateTimeHelper = dateTimeHelper;
        _customerRepository = customerRepository;
        _subscriptionRepository = subscriptionRepository;
        _queuedEmailRepository = queuedEmailRepository;
        _data = data;
        _pipelineOptions = pipelineOptions;
        _loyaltySettings = loyaltySettings;
    }

    /// <summary>
    /// Queues the granted message to the given recipients of <paramref name="grant"/> (those with an email; only active
    /// newsletter subscribers when the setting says so). Returns how many emails were queued.
    /// </summary>
    public async Task<int> QueueGrantedNotificationsAsync(SpecialGrant grant, IReadOnlyCollection<int> customerIds)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (customerIds.Count == 0)
            return 0;

        var store = await _storeService.GetStoreByIdAsync(grant.StoreId) ?? await _storeContext.GetCurrentStoreAsync();
        var templates = await GetActiveMessageTemplatesAsync(LoyaltyDefaults.GrantedMessageTemplateName, store.Id);
        if (templates.Count == 0)
            return 0;

        var customers = await RecipientsAsync(customerIds, store.Id, _loyaltySettings.NotifyOnlyNewsletterSubscribers);
        if (customers.Count == 0)
            return 0;

        var balances = await LedgerQueries.LatestBalancesAsync(_data, CustomerRange.Spanning(customers.Select(c => c.Id)),
            DateTime.UtcNow, _pipelineOptions.BalanceStore(grant.StoreId));

        var emailsToQueue = new List<QueuedEmail>();
        foreach (var customer in customers)
        {
            var languageId = await EnsureLanguageIsActiveAsync(customer.LanguageId ?? 0, store.Id);
            var language = await _languageService.GetLanguageByIdAsync(languageId);
            var culture = CultureInfo.GetCultureInfo(string.IsNullOrEmpty(language?.LanguageCulture) ? "en-US" : language.LanguageCulture);
            // The expiry day as the customer reads it: their language, their time zone.
            var expiresOn = LoyaltyDates.Expiry(grant.ExpiresOnUtc, await _dateTimeHelper.GetCustomerTimeZoneAsync(customer), culture,
                DateAudience.Customer);

            foreach (var template in templates)
            {
                var emailAccount = await GetEmailAccountOfMessageTemplateAsync(template, languageId);
                if (emailAccount == null)
                    continue;

                var tokens = new List<Token>();
                await _messageTokenProvider.AddStoreTokensAsync(tokens, store, emailAccount, languageId);
                await AddCustomerTokensAsync(tokens, customer);
                tokens.Add(new Token(LoyaltyDefaults.CampaignToken, grant.Name));
                tokens.Add(new Token(LoyaltyDefaults.PointsToken, grant.Points.ToString("N0", culture)));
                tokens.Add(new Token(LoyaltyDefaults.ExpiresOnToken, expiresOn));
                tokens.Add(new Token(LoyaltyDefaults.BalanceToken, balances.GetValueOrDefault(customer.Id).ToString("N0", culture)));
                await _eventPublisher.EntityTokensAddedAsync(grant, tokens);
                await _eventPublisher.MessageTokensAddedAsync(template, tokens);

                emailsToQueue.Add(await BuildQueuedEmailAsync(template, emailAccount, languageId, tokens,
                    customer.Email, $"{customer.FirstName} {customer.LastName}".Trim()));
            }
        }

        if (emailsToQueue.Count > 0)
            await _queuedEmailRepository.InsertAsync(emailsToQueue, publishEvent: false);

        return emailsToQueue.Count;
    }

    /// <summary>
    /// Queues the "coupon issued" message to the customers who received <paramref name="coupon"/> (those with an email;
    /// only active newsletter subscribers when <paramref name="newsletterOnly"/>), each with their own copy's last day.
    /// Returns how many emails were queued.
    /// </summary>
    public async Task<int> QueueCouponIssuedNotificationsAsync(Domains.Coupons.Coupon coupon, int storeId, bool newsletterOnly,
        IReadOnlyDictionary<int, DateTime> validUntilByCustomer)
    {
        ArgumentNullException.ThrowIfNull(coupon);
        if (validUntilByCustomer.Count == 0)
            return 0;

        var store = await _storeService.GetStoreByIdAsync(storeId) ?? await _storeContext.GetCurrentStoreAsync();
        var templates = await GetActiveMessageTemplatesAsync(LoyaltyDefaults.CouponIssuedMessageTemplateName, store.Id);
        if (templates.Count == 0)
            return 0;

        var customers = await RecipientsAsync(validUntilByCustomer.Keys.ToList(), store.Id, newsletterOnly);
        var emailsToQueue = new List<QueuedEmail>();
        foreach (var customer in customers)
        {
            var languageId = await EnsureLanguageIsActiveAsync(customer.LanguageId ?? 0, store.Id);
            var language = await _languageService.GetLanguageByIdAsync(languageId);
            var culture = CultureInfo.GetCultureInfo(string.IsNullOrEmpty(language?.LanguageCulture) ? "en-US" : language.LanguageCulture);
            // The copy's end is exclusive: its last day as the customer reads it, in their language and time zone.
            var validUntil = LoyaltyDates.Expiry(validUntilByCustomer[customer.Id], await _dateTimeHelper.GetCustomerTimeZoneAsync(customer),
                culture, DateAudience.Customer);

            foreach (var template in templates)
            {
                var emailAccount = await GetEmailAccountOfMessageTemplateAsync(template, languageId);
                if (emailAccount == null)
                    continue;

                var tokens = new List<Token>();
                await _messageTokenProvider.AddStoreTokensAsync(tokens, store, emailAccount, languageId);
                await AddCustomerTokensAsync(tokens, customer);
                tokens.Add(new Token(LoyaltyDefaults.CouponTitleToken, coupon.Title));
                tokens.Add(new Token(LoyaltyDefaults.CouponBenefitToken, coupon.BenefitText));
                tokens.Add(new Token(LoyaltyDefaults.CouponValidUntilToken, validUntil));
                tokens.Add(new Token(LoyaltyDefaults.CouponUsesToken, coupon.Uses.ToString("N0", culture)));
                await _eventPublisher.EntityTokensAddedAsync(coupon, tokens);
                await _eventPublisher.MessageTokensAddedAsync(template, tokens);

                emailsToQueue.Add(await BuildQueuedEmailAsync(template, emailAccount, languageId, tokens,
                    customer.Email, $"{customer.FirstName} {customer.LastName}".Trim()));
            }
        }

        if (emailsToQueue.Count > 0)
            await _queuedEmailRepository.InsertAsync(emailsToQueue, publishEvent: false);

        return emailsToQueue.Count;
    }

    /// <summary>The customers among <paramref name="customerIds"/> with an email; only the store's active newsletter subscribers when asked.</summary>
    private async Task<List<Customer>> RecipientsAsync(IReadOnlyCollection<int> customerIds, int storeId, bool onlySubscribers)
    {
        var ids = customerIds.ToArray();
        var customers = await _customerRepository.Table
            .Where(c => ids.Contains(c.Id) && c.Email != null && c.Email != "")
            .ToListAsync();

        if (onlySubscribers && customers.Count > 0)
        {
            var emails = customers.Select(c => c.Email.ToLower()).Distinct().ToArray();
            var subscribed = (await _subscriptionRepository.Table
                    .Where(s => s.Active && s.StoreId == storeId && emails.Contains(s.Email.ToLower()))
                    .Select(s => s.Email)
                    .ToListAsync())
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            customers = customers.Where(c => subscribed.Contains(c.Email)).ToList();
        }

        return customers;
    }

    /// <summary>
    /// The customer tokens a grant email can use (email, username, full, first and last name, company), built without a request.
    /// </summary>
    /// <remarks>
    /// Not nopCommerce's AddCustomerTokensAsync: it also builds the password recovery, account activation and email
    /// revalidation links, which need an HTTP request; in the background grant run there is none, and each recipient
    /// wrote three warnings to the log. A grant email has no use for those links.
    /// </remarks>
    private async Task AddCustomerTokensAsync(IList<Token> tokens, Customer customer)
    {
        tokens.Add(new Token("Customer.Email", customer.Email));
        tokens.Add(new Token("Customer.Username", customer.Username));
        tokens.Add(new Token("Customer.FullName", await _customerService.GetCustomerFullNameAsync(customer)));
        tokens.Add(new Token("Customer.FirstName", customer.FirstName));
        tokens.Add(new Token("Customer.LastName", customer.LastName));
        tokens.Add(new Token("Customer.Company", customer.Company));
        await _eventPublisher.EntityTokensAddedAsync(customer, tokens);
    }

    /// <summary>The queued email for one recipient, from the template's localized subject and body.</summary>
    protected virtual async Task<QueuedEmail> BuildQueuedEmailAsync(MessageTemplate template, EmailAccount emailAccount,
        int languageId, IList<Token> tokens, string toEmail, string toName)
    {
        var subject = await _localizationService.GetLocalizedAsync(template, mt => mt.Subject, languageId);
        var body = await _localizationService.GetLocalizedAsync(template, mt => mt.Body, languageId);
        var bcc = await _localizationService.GetLocalizedAsync(template, mt => mt.BccEmailAddresses, languageId);
        var nowUtc = DateTime.UtcNow;

        return new QueuedEmail
        {
            Priority = QueuedEmailPriority.High,
            From = emailAccount.Email,
            FromName = emailAccount.DisplayName,
            To = toEmail,
            ToName = CommonHelper.EnsureMaximumLength(toName, 300),
            ReplyTo = string.Empty,
            ReplyToName = string.Empty,
            CC = string.Empty,
            Bcc = bcc,
            Subject = _tokenizer.Replace(subject, tokens, false),
            Body = _tokenizer.Replace(body, tokens, true),
            AttachedDownloadId = template.AttachedDownloadId,
            CreatedOnUtc = nowUtc,
            EmailAccountId = emailAccount.Id,
            DontSendBeforeDateUtc = template.DelayBeforeSend is { } delay
                ? nowUtc.AddHours(template.DelayPeriod.ToHours(delay))
                : null
        };
    }
}
