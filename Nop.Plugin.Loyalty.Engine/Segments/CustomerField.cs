namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>A customer field a store may not collect: conditions reading it match only customers it was recorded for.</summary>
public enum CustomerField
{
    /// <summary>The customer's date of birth.</summary>
    DateOfBirth,
    /// <summary>The customer's gender.</summary>
    Gender,
    /// <summary>The customer's country.</summary>
    Country,
    /// <summary>The customer's state or province.</summary>
    StateProvince,
    /// <summary>The customer's newsletter subscription.</summary>
    Newsletter
}
