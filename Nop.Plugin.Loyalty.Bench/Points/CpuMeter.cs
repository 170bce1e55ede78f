using System.Diagnostics;
using System.Globalization;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Testing;

namespace Nop.Plugin.Loyalty.Bench.Points;

/// <summary>
/// CPU time used by the bench and by the PostgreSQL backend serving its connection, when the server runs on this machine:
/// a measure of a step's work that other people's load on a shared machine moves far less than its wall time. Work done
/// later by the server's background processes (writing dirty pages out, vacuuming dead rows) is not counted.
/// </summary>
public sealed class CpuMeter
{
    // Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every architecture .NET runs on.
    private const double TicksPerSecond = 100;

    private readonly string _backendStat;

    private CpuMeter(string backendStat) => _backendStat = backendStat;

    /// <summary>The meter for this connection; null when the database is not a PostgreSQL server whose process can be read here.</summary>
    public static CpuMeter? For(DataConnection db)
    {
        if (TestDatabase.KindOf(db) != DatabaseKind.PostgreSql)
            return null;
        var stat = $"/proc/{db.Execute<int>("SELECT pg_backend_pid()")}/stat";
        try
        {
            var meter = new CpuMeter(stat);
            meter.Backend();
            return meter;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null; // a server on another machine
        }
    }

    /// <summary>CPU time used so far by the bench and the backend together.</summary>
    public TimeSpan Used() => Process.GetCurrentProcess().TotalProcessorTime + Backend();

    private TimeSpan Backend()
    {
        var text = File.ReadAllText(_backendStat);
        // The fields after the command name (which may hold spaces) in parentheses: state first, then utime and stime 11th and 12th.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
