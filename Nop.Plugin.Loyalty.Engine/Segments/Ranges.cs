namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>An inclusive whole-number range; a missing bound is open.</summary>
public sealed record IntRange(int? Min = null, int? Max = null)
{
    public bool Contains(int value) => (Min is not { } min || value >= min) && (Max is not { } max || value <= max);
}

/// <summary>An inclusive money range; a missing bound is open.</summary>
public sealed record DecimalRange(decimal? Min = null, decimal? Max = null)
{
    public bool Contains(decimal value) => (Min is not { } min || value >= min) && (Max is not { } max || value <= max);
}
