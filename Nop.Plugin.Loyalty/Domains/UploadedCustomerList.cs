using Nop.Core;

namespace Nop.Plugin.Loyalty.Domains;

/// <summary>
/// A customer list pasted or uploaded in the grant wizard, kept server-side between the wizard's steps (any web node
/// reads it) and referenced by <see cref="Token"/>. Removed once the grant is created, or when abandoned.
/// </summary>
public class UploadedCustomerList : BaseEntity
{
    /// <summary>The wizard's reference to the list; unguessable, and only its owner may read it.</summary>
    public Guid Token { get; set; }

    /// <summary>The admin who pasted or uploaded it.</summary>
    public int CustomerId { get; set; }

    /// <summary>The uploaded file's name; null for a pasted list.</summary>
    public string SourceName { get; set; }

    /// <summary>The encoding the file was read with; null for a pasted list.</summary>
    public string EncodingName { get; set; }

    public string Text { get; set; }

    public DateTime CreatedOnUtc { get; set; }
}
