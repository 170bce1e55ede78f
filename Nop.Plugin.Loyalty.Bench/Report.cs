using System.Diagnostics;

namespace Nop.Plugin.Loyalty.Bench;

/// <summary>Times steps and prints them as a table.</summary>
public sealed class Report
{
    private readonly List<(string Step, string What, double Ms, string Note)> _rows = [];

    /// <summary>Runs and times one step; <paramref name="describe"/> says what it did.</summary>
    public T Step<T>(string step, Func<T> run, Func<T, string> describe, string note = "")
    {
        var watch = Stopwatch.StartNew();
        var result = run();
        watch.Stop();
        _rows.Add((step, describe(result), watch.Elapsed.TotalMilliseconds, note));
        Console.WriteLine($"  {step,-34} {watch.Elapsed.TotalMilliseconds,12:N1} ms  {describe(result)}");
        return result;
    }

    /// <summary>Adds a figure measured elsewhere.</summary>
    public void Figure(string step, string what, double ms, string note = "")
    {
        _rows.Add((step, what, ms, note));
        Console.WriteLine($"  {step,-34} {ms,12:N4} ms  {what} {note}");
    }

    public double Ms(string step) => _rows.Single(r => r.Step == step).Ms;

    /// <summary>Prints the table in Markdown, ready for BENCHMARKS.md.</summary>
    public void PrintMarkdown(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine("| step | what happened | ms | note |");
        Console.WriteLine("|---|---|---:|---|");
        foreach (var (step, what, ms, note) in _rows)
            Console.WriteLine($"| {step} | {what} | {ms:N3} | {note} |");
    }
}
