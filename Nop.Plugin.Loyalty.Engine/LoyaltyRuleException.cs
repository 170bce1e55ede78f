namespace Nop.Plugin.Loyalty.Engine;

/// <summary>A request that breaks a loyalty rule; <see cref="ResourceKey"/> names the localized message.</summary>
public sealed class LoyaltyRuleException : InvalidOperationException
{
    public LoyaltyRuleException(string resourceKey, params object[] arguments)
        : base($"{resourceKey} ({string.Join(", ", arguments)})")
    {
        ResourceKey = resourceKey;
        Arguments = arguments;
    }

    /// <summary>The locale resource key of the message shown to the user.</summary>
    public string ResourceKey { get; }

    /// <summary>Values for the message's placeholders, in order.</summary>
    public IReadOnlyList<object> Arguments { get; }
}
