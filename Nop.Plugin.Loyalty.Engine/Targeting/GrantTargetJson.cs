using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nop.Plugin.Loyalty.Engine.Targeting;

/// <summary>Stores a grant's target as JSON, so the grant keeps the exact target it was run with.</summary>
public static class GrantTargetJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false
    };

    /// <summary>The target as JSON, with a "kind" discriminator.</summary>
    public static string Serialize(GrantTarget target) => JsonSerializer.Serialize(target, Options);

    /// <summary>Reads a stored target; malformed JSON or an unknown kind is refused, never guessed.</summary>
    public static GrantTarget Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<GrantTarget>(json, Options)
                   ?? throw new LoyaltyRuleException(ResourceKeys.TargetUnreadable, "null");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or TimeZoneNotFoundException or KeyNotFoundException)
        {
            throw new LoyaltyRuleException(ResourceKeys.TargetUnreadable, e.Message);
        }
    }
}
