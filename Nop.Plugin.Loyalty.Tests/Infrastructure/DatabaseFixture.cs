using LinqToDB.Data;
using Nop.Plugin.Loyalty.Testing;

namespace Nop.Plugin.Loyalty.Tests.Infrastructure;

/// <summary>
/// Base of the tests that run the same cases on SQLite, PostgreSQL and MariaDB.
/// A server that cannot be reached fails the run under CI (CI=true) and is skipped, saying why, elsewhere.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.PostgreSql)]
[TestFixture(DatabaseKind.MariaDb)]
public abstract class DatabaseFixture(DatabaseKind kind)
{
    protected DatabaseKind Kind { get; } = kind;

    protected DataConnection Db { get; private set; } = null!;

    [OneTimeSetUp]
    public void OpenDatabase()
    {
        try
        {
            Db = TestDatabase.Open(Kind);
            Db.Execute("SELECT 1");
        }
        catch (Exception e)
        {
            var message = $"{Kind} is not reachable ({e.GetType().Name}: {e.Message}). " +
                          "Start it as .ci/run does, or point LOYALTY_TEST_POSTGRES / LOYALTY_TEST_MARIADB at a server.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail(message);
            Assert.Ignore(message);
        }
    }

    [SetUp]
    public void ResetSchema() => TestDatabase.CreateSchema(Db);

    [OneTimeTearDown]
    public void CloseDatabase() => Db?.Dispose();
}
