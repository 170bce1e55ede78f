using Nop.Core;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>A customer a segment selects, as previews and exports show it.</summary>
public record SegmentCustomerView(int Id, string Email, string FirstName, string LastName);

/// <summary>Saved segments: storage, validation, preview, export, and the grant target of a saved segment.</summary>
public interface ISegmentService
{
    Task<Segment> GetSegmentByIdAsync(int segmentId);

    Task<IList<Segment>> GetAllSegmentsAsync();

    Task<IPagedList<Segment>> SearchSegmentsAsync(string name = null, int pageIndex = 0, int pageSize = int.MaxValue);

    /// <summary>Stores a new segment. Throws <see cref="Engine.LoyaltyRuleException"/> when its definition is unreadable or invalid.</summary>
    Task InsertSegmentAsync(Segment segment, int customerId);

    /// <summary>Stores changes. Throws <see cref="Engine.LoyaltyRuleException"/> when its definition is unreadable or invalid.</summary>
    Task UpdateSegmentAsync(Segment segment, int customerId);

    /// <summary>A copy of the segment under the name given (the caller's "… (copy)" in the admin's language).</summary>
    Task<Segment> DuplicateSegmentAsync(Segment segment, int customerId, string name);

    /// <summary>Deletes the segment; refuses (<see cref="Engine.LoyaltyRuleException"/>) while a queued or running grant targets it.</summary>
    Task DeleteSegmentAsync(Segment segment);

    /// <summary>Names of the queued or running grants that target the segment.</summary>
    Task<IList<string>> GetActiveGrantNamesUsingAsync(int segmentId);

    /// <summary>The store's names for what the definition mentions.</summary>
    Task<ISegmentCatalog> GetCatalogAsync(SegmentDefinition definition);

    /// <summary>The engine's checks of the definition against the store's catalog.</summary>
    Task<IReadOnlyList<ValidationError>> ValidateAsync(SegmentDefinition definition);

    /// <summary>Reads and checks definition JSON: the definition when it may be used, else null with every problem.</summary>
    Task<(SegmentDefinition Definition, IReadOnlyList<ValidationError> Errors)> ReadAsync(string json);

    /// <summary>Now, in the store's time zone.</summary>
    SegmentContext GetContext(DateTime? nowUtc = null);

    /// <summary>How many registered customers the definition selects now (one COUNT).</summary>
    Task<int> PreviewCountAsync(SegmentDefinition definition);

    /// <summary>The first customers (by id) the definition selects.</summary>
    Task<IList<SegmentCustomerView>> SampleAsync(SegmentDefinition definition, int count = 20);

    /// <summary>
    /// Every selected customer as CSV (UTF-8 with BOM): id, email, first and last name, under the header given (the texts
    /// of <see cref="SegmentService.CsvHeaderResources"/>).
    /// </summary>
    Task WriteCsvAsync(SegmentDefinition definition, Stream output, IReadOnlyList<string> header);

    /// <summary>The definition in the admin's language.</summary>
    Task<string> DescribeAsync(SegmentDefinition definition);

    /// <summary>
    /// The grant target of a definition, evaluated at <paramref name="nowUtc"/> in the store's time zone; with the saved
    /// segment's name and id, or without them for conditions built in the wizard.
    /// </summary>
    Task<SegmentTarget> BuildTargetAsync(SegmentDefinition definition, DateTime nowUtc, string segmentName = null, int? segmentId = null);
}
