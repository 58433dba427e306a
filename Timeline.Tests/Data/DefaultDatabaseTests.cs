using Microsoft.Data.Sqlite;
using Timeline.Domain.Data;

namespace Timeline.Tests.Data;

public class DefaultDatabaseTests
{
    [Fact]
    public void The_default_database_lives_in_the_users_data_folder_so_every_build_of_the_app_finds_the_same_one()
    {
        var path = new SqliteConnectionStringBuilder(DatabaseSetup.DefaultConnectionString).DataSource;
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);

        Assert.Equal(Path.Combine(data, "timeline", "timeline.db"), path);
        Assert.False(path.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal), "the default database sits in the build output");
    }
}
