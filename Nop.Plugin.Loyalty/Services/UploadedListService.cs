using Nop.Core;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// The grant wizard's customer lists, stored once in the database (so every web node reads the same list) and read back
/// by token, by the admin who stored them only.
/// </summary>
public class UploadedListService
{
    private readonly IRepository<UploadedCustomerList> _repository;
    private readonly IWorkContext _workContext;
    private readonly TimeProvider _timeProvider;

    public UploadedListService(IRepository<UploadedCustomerList> repository, IWorkContext workContext, TimeProvider timeProvider)
    {
        _repository = repository;
        _workContext = workContext;
        _timeProvider = timeProvider;
    }

    /// <summary>Stores a list for the current admin; <paramref name="sourceName"/> and <paramref name="encodingName"/> are null for a pasted list.</summary>
    public virtual async Task<UploadedCustomerList> SaveAsync(string text, string sourceName, string encodingName)
    {
        var list = new UploadedCustomerList
        {
            Token = Guid.NewGuid(),
            CustomerId = (await _workContext.GetCurrentCustomerAsync()).Id,
            SourceName = sourceName == null ? null : CommonHelper.EnsureMaximumLength(sourceName, 400),
            EncodingName = encodingName,
            Text = text ?? string.Empty,
            CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
        };
        await _repository.InsertAsync(list, false);
        return list;
    }

    /// <summary>The current admin's list with this token; null when there is none (removed, abandoned, or another admin's).</summary>
    public virtual async Task<UploadedCustomerList> GetAsync(Guid? token)
    {
        if (token is not { } value || value == Guid.Empty)
            return null;

        var customerId = (await _workContext.GetCurrentCustomerAsync()).Id;
        return await _repository.Table.FirstOrDefaultAsync(l => l.Token == value && l.CustomerId == customerId);
    }

    /// <summary>Removes the current admin's list with this token, if any.</summary>
    public virtual async Task DeleteAsync(Guid? token)
    {
        if (token is not { } value || value == Guid.Empty)
            return;

        var customerId = (await _workContext.GetCurrentCustomerAsync()).Id;
        await _repository.DeleteAsync(l => l.Token == value && l.CustomerId == customerId);
    }

    /// <summary>Removes, in one statement, the lists stored longer ago than LoyaltyDefaults.UploadedListLifetime; returns how many.</summary>
    public virtual async Task<int> DeleteAbandonedAsync()
    {
        var before = _timeProvider.GetUtcNow().UtcDateTime - LoyaltyDefaults.UploadedListLifetime;
        return await _repository.DeleteAsync(l => l.CreatedOnUtc < before);
    }
}
