using System.Collections.Concurrent;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Ports;

namespace Nop.Plugin.Loyalty.Testing.Ports;

/// <summary>Keeps what the coupon steps told the store, for tests to look at.</summary>
public sealed class RecordingCouponObserver : ICouponObserver
{
    public ConcurrentQueue<(int DistributionId, IReadOnlyList<int> CustomerIds)> Issued { get; } = new();
    public ConcurrentQueue<(ShareRow Share, CopyRow? Copy)> Shared { get; } = new();
    public ConcurrentQueue<(ShareRow Share, CopyRow Copy)> Claimed { get; } = new();
    public ConcurrentQueue<UseRow> Redeemed { get; } = new();
    public ConcurrentQueue<ReferralRow> Referrals { get; } = new();
    public ConcurrentQueue<(string Message, Exception Exception)> Errors { get; } = new();

    /// <summary>Runs after each issued chunk is committed: lets a test act between two chunks of a run.</summary>
    public Func<DistributionRow, IReadOnlyList<int>, Task>? OnIssued { get; set; }

    public Task IssuedAsync(DistributionRow distribution, IReadOnlyList<int> customerIds)
    {
        Issued.Enqueue((distribution.Id, customerIds));
        return OnIssued?.Invoke(distribution, customerIds) ?? Task.CompletedTask;
    }

    public Task SharedAsync(ShareRow share, CopyRow? recipientCopy)
    {
        Shared.Enqueue((share, recipientCopy));
        return Task.CompletedTask;
    }

    public Task ClaimedAsync(ShareRow share, CopyRow copy)
    {
        Claimed.Enqueue((share, copy));
        return Task.CompletedTask;
    }

    public Task RedeemedAsync(UseRow use)
    {
        Redeemed.Enqueue(use);
        return Task.CompletedTask;
    }

    public Task ReferralCreditedAsync(ReferralRow referral)
    {
        Referrals.Enqueue(referral);
        return Task.CompletedTask;
    }

    public Task ErrorAsync(string message, Exception exception)
    {
        Errors.Enqueue((message, exception));
        return Task.CompletedTask;
    }
}
