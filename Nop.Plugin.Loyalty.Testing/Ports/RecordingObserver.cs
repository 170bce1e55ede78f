using System.Collections.Concurrent;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Testing.Ports;

/// <summary>Keeps what the steps told the store, for tests to look at.</summary>
public sealed class RecordingObserver : ILoyaltyObserver
{
    public ConcurrentQueue<(int GrantId, IReadOnlyList<int> CustomerIds)> Granted { get; } = new();
    public ConcurrentQueue<RevokedPoints> Revoked { get; } = new();
    public ConcurrentQueue<ExpiredLot> Expired { get; } = new();
    public ConcurrentQueue<PurgedLot> Purged { get; } = new();
    public ConcurrentQueue<(string Message, Exception Exception)> Errors { get; } = new();

    /// <summary>Runs after each granted chunk is recorded: lets a test act between two chunks of a run.</summary>
    public Func<GrantRow, IReadOnlyList<int>, Task>? OnGranted { get; set; }

    public Task GrantedAsync(GrantRow grant, IReadOnlyList<int> customerIds)
    {
        Granted.Enqueue((grant.Id, customerIds));
        return OnGranted?.Invoke(grant, customerIds) ?? Task.CompletedTask;
    }

    public Task RevokedAsync(GrantRow grant, IReadOnlyList<RevokedPoints> recipients)
    {
        foreach (var r in recipients)
            Revoked.Enqueue(r);
        return Task.CompletedTask;
    }

    public Task ExpiredAsync(IReadOnlyList<ExpiredLot> lots)
    {
        foreach (var lot in lots)
            Expired.Enqueue(lot);
        return Task.CompletedTask;
    }

    public Task PurgedAsync(IReadOnlyList<PurgedLot> lots)
    {
        foreach (var lot in lots)
            Purged.Enqueue(lot);
        return Task.CompletedTask;
    }

    public Task ErrorAsync(string message, Exception exception)
    {
        Errors.Enqueue((message, exception));
        return Task.CompletedTask;
    }
}

/// <summary>Ledger texts in plain English, as a store's default language would write them.</summary>
public sealed class PlainLedgerTexts : ILedgerTexts
{
    public Task<string> ExpiredAsync(LedgerEntryRow lot) => Task.FromResult($"Expired points of {lot.CreatedOnUtc:yyyy-MM-dd}");

    public Task<string> RevokedAsync(GrantRow grant) => Task.FromResult($"Revoked: {grant.Name}");
}
