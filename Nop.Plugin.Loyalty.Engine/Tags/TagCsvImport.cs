using System.Globalization;
using System.Net.Mail;
using CsvHelper;
using CsvHelper.Configuration;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Targeting;

namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>
/// Reads a tag CSV import: one customer per row (id or email, first column) and one or more tag names after it, in
/// further columns or in one column separated by <c>;</c>, so <c>customer,tags</c> with <c>12,VIP;Tokyo</c>, one tag
/// per row (<c>12,VIP</c> then <c>12,Tokyo</c>) and <c>12,VIP,Tokyo</c> all read alike. Columns are separated by commas
/// or tabs. An optional header row names the customer column ("customer", "id", "email", "会員番号", "メールアドレス"…);
/// further id or email columns it names are skipped, so the customer tags export reads back as it was written. Every unusable row comes back
/// with its line and reason, and a row with any problem gives no tag at all.
/// </summary>
public static class TagCsvImport
{
    /// <summary>How many customer ids and emails one lookup query names.</summary>
    public const int LookupChunk = 2_000;

    /// <summary>Separates tag names inside one column.</summary>
    public const char TagSeparator = ';';

    /// <summary>Splits the text into rows; rows that cannot name a customer or a tag are problems already.</summary>
    public static TagCsvFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            // Not ';': it separates tag names inside a column, and would split "12,VIP;Tokyo" the wrong way.
            DetectDelimiterValues = [",", "\t"],
            IgnoreBlankLines = true,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim
        };

        var rows = new List<TagCsvRow>();
        var problems = new List<TagImportProblem>();
        using var csv = new CsvReader(new StringReader(text), config);
        var first = true;
        // Without a header: the customer in the first column, tags in every other. With one: the first column the header
        // names as a customer id or email is the customer; other such columns (an export's email beside its id) are skipped.
        var customerColumn = 0;
        var skipped = new HashSet<int>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var fields = (csv.Parser.Record ?? []).Select(f => f.Trim().Trim('\uFEFF').Trim()).ToArray();
            if (first)
            {
                first = false;
                var headers = fields.Select((f, i) => (f, i)).Where(c => IsCustomerHeader(c.f)).Select(c => c.i).ToList();
                if (headers.Count > 0)
                {
                    customerColumn = headers[0];
                    skipped = headers.Skip(1).ToHashSet();
                    continue;
                }
            }

            var customer = customerColumn < fields.Length ? fields[customerColumn] : string.Empty;
            var tags = fields.Where((_, i) => i != customerColumn && !skipped.Contains(i))
                .SelectMany(f => f.Split(TagSeparator))
                .Select(TagEditRules.NormalizeName)
                .Where(t => t.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (customer.Length == 0 && tags.Count == 0)
                continue;

            var raw = string.Join(",", fields);
            if (customer.Length == 0)
                problems.Add(new(line, raw, TagResourceKeys.ImportRowEmpty));
            else if (ParseCustomer(customer) is not { } key)
                problems.Add(new(line, raw, TagResourceKeys.ImportRowMalformed, customer));
            else if (tags.Count == 0)
                problems.Add(new(line, raw, TagResourceKeys.ImportRowNoTags));
            else
                rows.Add(new TagCsvRow(line, raw, key, tags));
        }

        return new TagCsvFile(rows, problems);
    }

    private static readonly HashSet<string> CustomerWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "customer", "customers", "member", "会員", "顧客", "お客様", "お客さま"
    };

    /// <summary>A header cell naming the customer column: the customer list's id and email headers, or "customer".</summary>
    public static bool IsCustomerHeader(string cell) => CustomerListHeader.IsHeader(cell) || CustomerWords.Contains(cell.Trim());

    /// <summary>A customer id (a positive whole number) or an email address, or null when the cell is neither.</summary>
    public static CustomerKey? ParseCustomer(string cell)
    {
        if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            return new CustomerKey(id, null);
        if (cell.Contains('@') && MailAddress.TryCreate(cell, out var address) && address.Address == cell)
            return new CustomerKey(null, cell);
        return null;
    }

    /// <summary>
    /// Matches the rows to customers and tags: <paramref name="customers"/> are the registered customers the file's ids
    /// and emails found (emails compare without case), <paramref name="tags"/> the store's tags by name.
    /// </summary>
    public static TagImportPreview Resolve(TagCsvFile file, IEnumerable<(int Id, string? Email)> customers, IReadOnlyCollection<TagRow> tags)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(tags);

        var found = customers.ToList();
        var byId = found.Select(c => c.Id).ToHashSet();
        var byEmail = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, email) in found.OrderBy(c => c.Id))
            if (email != null)
                byEmail.TryAdd(email, id);
        var tagsByName = new Dictionary<string, TagRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var tag in tags.OrderBy(t => t.Id))
            tagsByName.TryAdd(TagEditRules.NormalizeName(tag.Name), tag);

        var problems = new List<TagImportProblem>(file.Problems);
        var assignments = new List<TagAssignment>();
        var seen = new Dictionary<TagAssignment, int>();
        var validRows = 0;
        foreach (var row in file.Rows)
        {
            int? customerId = row.Customer.Id is { } id ? (byId.Contains(id) ? id : null)
                : byEmail.TryGetValue(row.Customer.Email!, out var emailId) ? emailId : null;
            if (customerId is not { } customer)
            {
                problems.Add(new(row.Line, row.Text, TagResourceKeys.ImportRowUnknownCustomer, row.Customer.ToString()));
                continue;
            }

            var unknown = row.TagNames.Where(n => !tagsByName.ContainsKey(n)).ToList();
            if (unknown.Count > 0)
            {
                problems.Add(new(row.Line, row.Text, TagResourceKeys.ImportRowUnknownTag, string.Join(", ", unknown)));
                continue;
            }

            // An automatic tag's members are its rule's: a hand-given tag would be taken away at the next batch.
            var automatic = row.TagNames.Where(n => tagsByName[n].Kind == TagKind.Automatic).ToList();
            if (automatic.Count > 0)
            {
                problems.Add(new(row.Line, row.Text, TagResourceKeys.ImportRowAutomaticTag, string.Join(", ", automatic)));
                continue;
            }

            var pairs = row.TagNames.Select(n => new TagAssignment(tagsByName[n].Id, customer)).Distinct().ToList();
            var earlier = pairs.Where(seen.ContainsKey).Select(p => seen[p]).ToList();
            if (earlier.Count > 0)
            {
                problems.Add(new(row.Line, row.Text, TagResourceKeys.ImportRowDuplicate, earlier.Min()));
                continue;
            }

            foreach (var pair in pairs)
                seen[pair] = row.Line;
            assignments.AddRange(pairs);
            validRows++;
        }

        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new TagImportPreview(assignments, problems, validRows, validRows + problems.Count);
    }

    /// <summary>
    /// Parses and resolves the text against the store: the customers are looked up in a few queries for the whole file
    /// (<see cref="LookupChunk"/> ids and emails each), registered ones only, as the grant wizard's lists are.
    /// </summary>
    public static async Task<TagImportPreview> PreviewAsync(ILoyaltyData data, string text, IReadOnlyCollection<TagRow> tags,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var file = Parse(text);
        var sources = await data.GetSourcesAsync();
        var keys = file.Rows.Select(r => r.Customer).Distinct().ToList();
        var customers = new List<(int, string?)>();
        foreach (var chunk in keys.Chunk(LookupChunk))
        {
            var list = new CustomerListTarget(chunk.Where(k => k.Id != null).Select(k => k.Id!.Value).ToList(),
                chunk.Where(k => k.Email != null).Select(k => k.Email!).ToList(), null);
            var rows = await data.ToListAsync(list.Matching(sources).Select(c => new CustomerRow { Id = c.Id, Email = c.Email }), cancellationToken);
            customers.AddRange(rows.Select(r => (r.Id, r.Email)));
        }

        return Resolve(file, customers, tags);
    }
}
