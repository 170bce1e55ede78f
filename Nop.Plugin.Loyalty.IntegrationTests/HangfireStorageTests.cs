using FluentAssertions;
using Hangfire.PostgreSql;
using Nop.Data;
using Nop.Plugin.Loyalty.Services;
using Npgsql;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

/// <summary>
/// Uninstall's drop of Hangfire's storage, on a real PostgreSQL database (LOYALTY_TEST_POSTGRES, as the engine tests):
/// the schema is created by Hangfire's own installer, as the store's startup does.
/// </summary>
[TestFixture]
public class HangfireStorageTests
{
    [Test]
    public async Task Uninstall_drops_hangfires_postgresql_schema()
    {
        var connectionString = Environment.GetEnvironmentVariable("LOYALTY_TEST_POSTGRES");
        if (string.IsNullOrEmpty(connectionString))
            Assert.Ignore("LOYALTY_TEST_POSTGRES is not set");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        PostgreSqlObjectsInstaller.Install(connection, HangfireStorage.PostgreSqlSchema);
        (await TablesAsync(connection)).Should().BeGreaterThan(5, "Hangfire installed its tables");

        await using (var drop = new NpgsqlCommand(HangfireStorage.DropStatement(DataProviderType.PostgreSQL), connection))
            await drop.ExecuteNonQueryAsync();

        (await TablesAsync(connection)).Should().Be(0);
        await using var schema = new NpgsqlCommand("SELECT count(*) FROM information_schema.schemata WHERE schema_name = @s", connection);
        schema.Parameters.AddWithValue("s", HangfireStorage.PostgreSqlSchema);
        ((long)(await schema.ExecuteScalarAsync())!).Should().Be(0);
    }

    [Test]
    public void Databases_without_a_hangfire_storage_have_nothing_to_drop() =>
        HangfireStorage.DropStatement(DataProviderType.MySql).Should().BeNull();

    private static async Task<long> TablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = @s", connection);
        command.Parameters.AddWithValue("s", HangfireStorage.PostgreSqlSchema);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
