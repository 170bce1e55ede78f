namespace Nop.Plugin.Loyalty.Engine.Validation;

/// <summary>One broken rule of a request: the field it concerns and the resource key of its message.</summary>
public sealed record ValidationError(string Field, string ResourceKey, params object[] Arguments);
