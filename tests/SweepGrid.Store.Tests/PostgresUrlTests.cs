namespace SweepGrid.Store.Tests;

/// <summary>postgres:// URLs given as --db: accepted forms, and malformed ones refused with a message that hides the password.</summary>
public sealed class PostgresUrlTests
{
    [Fact]
    public void A_full_url_becomes_a_connection_string_with_decoded_parts()
    {
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(TrialStores.PostgresConnectionStringFromUrl("postgresql://sweep%40grid:p%3Ass@db.example:6543/sweep%20grid"));

        Assert.Equal(("db.example", 6543, "sweep grid", "sweep@grid", "p:ss"), (connection.Host, connection.Port, connection.Database, connection.Username, connection.Password));
    }

    [Fact]
    public void The_port_defaults_to_5432()
    {
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(TrialStores.PostgresConnectionStringFromUrl("postgres://u@db/sweepgrid"));

        Assert.Equal(5432, connection.Port);
    }

    [Theory]
    [InlineData("postgres://u:secret@db:notaport/x", "'postgres://u:***@db:notaport/x' is not a valid PostgreSQL URL (invalid port specified)")]
    [InlineData("postgres://u:secret@db:5432", "'postgres://u:***@db:5432' names no single database after the host")]
    [InlineData("postgres:///x", "not a valid PostgreSQL URL")]
    public void A_malformed_url_is_refused_with_what_is_wrong_and_the_expected_form_without_the_password(string url, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => TrialStores.PostgresConnectionStringFromUrl(url));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("expected postgres://user:password@host[:port]/database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }
}
