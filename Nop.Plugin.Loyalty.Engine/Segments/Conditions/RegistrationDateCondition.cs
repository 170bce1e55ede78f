namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers whose account was created (CreatedOnUtc) in the window.</summary>
public sealed record RegistrationDateCondition(DateWindow Window) : SegmentNode;
