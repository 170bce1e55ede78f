using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Events;
using Nop.Core.Events;
using Nop.Services.Events;
using Nop.Services.Logging;

namespace Nop.Plugin.Loyalty.Services.Points;

/// <summary>Tells nopCommerce what a committed chunk did: events for other plugins, the grant email, the log.</summary>
public class NopLoyaltyObserver : ILoyaltyObserver
{
    private readonly IEventPublisher _eventPublisher;
    private readonly ILogger _logger;
    private readonly IRepository<SpecialGrant> _grantRepository;
    // Lazy: the message service reaches nopCommerce's token providers, some of which use the reward point service,
    // which itself runs this pipeline.
    private readonly Lazy<LoyaltyMessageService> _messageService;

    public NopLoyaltyObserver(IEventPublisher eventPublisher,
        ILogger logger,
        IRepository<SpecialGrant> grantRepository,
        Lazy<LoyaltyMessageService> messageService)
    {
        _eventPublisher = eventPublisher;
        _logger = logger;
        _grantRepository = grantRepository;
        _messageService = messageService;
    }

    public async Task GrantedAsync(GrantRow grant, IReadOnlyList<int> customerIds)
    {
        var entity = await _grantRepository.GetByIdAsync(grant.Id);
        if (entity.NotifyCustomers)
        {
            try
            {
                await _messageService.Value.QueueGrantedNotificationsAsync(entity, customerIds);
            }
            catch (Exception e)
            {
                // The points are granted; the event below still goes out.
                await _logger.ErrorAsync($"Loyalty: could not queue notifications of grant {grant.Id}", e);
            }
        }

        await _eventPublisher.PublishAsync(new SpecialPointsGrantedEvent(entity, customerIds));
    }

    public async Task RevokedAsync(GrantRow grant, IReadOnlyList<RevokedPoints> recipients) =>
        await _eventPublisher.PublishAsync(new SpecialPointsRevokedEvent(await _grantRepository.GetByIdAsync(grant.Id), recipients));

    public Task ExpiredAsync(IReadOnlyList<ExpiredLot> lots) => _eventPublisher.PublishAsync(new PointsExpiredEvent(lots));

    public Task PurgedAsync(IReadOnlyList<PurgedLot> lots) => _eventPublisher.PublishAsync(new SpecialPointsPurgedEvent(lots));

    public Task ErrorAsync(string message, Exception exception) => _logger.ErrorAsync(message, exception);
}
