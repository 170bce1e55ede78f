namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>UTC instants as query parameters for nopCommerce's date columns.</summary>
public static class ColumnTime
{
    /// <summary>
    /// The same instant with Unspecified kind. nopCommerce keeps UTC in columns without a zone; a UTC-kind value
    /// makes Npgsql send timestamptz, so PostgreSQL casts every row before comparing and no index on the column is used.
    /// </summary>
    public static DateTime Of(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Unspecified);

    /// <summary>As <see cref="Of(DateTime)"/>; null stays null.</summary>
    public static DateTime? Of(DateTime? utc) => utc is { } value ? Of(value) : null;
}
