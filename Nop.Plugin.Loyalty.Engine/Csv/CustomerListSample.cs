namespace Nop.Plugin.Loyalty.Engine.Csv;

/// <summary>A line of a customer list as it was read, with its line number.</summary>
public sealed record ListLine(int LineNumber, string Text);

/// <summary>The first lines of a customer list as read, shown to the store owner before a grant is confirmed.</summary>
public static class CustomerListSample
{
    /// <summary>The first <paramref name="count"/> lines that are not blank, numbered as the list's rejected rows are.</summary>
    public static IReadOnlyList<ListLine> FirstLines(string text, int count)
    {
        var lines = new List<ListLine>(count);
        using var reader = new StringReader(text);
        var number = 0;
        while (lines.Count < count && reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
                lines.Add(new ListLine(number, line));
        }

        return lines;
    }
}
