using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Timeline.Domain.Data;

/// <summary>
/// What `dotnet ef` builds the context with, so that migrations are added from this project alone
/// (docs/migrations.md). The file is never opened: adding a migration only reads the model.
/// </summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<TimelineDbContext>
{
    public TimelineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TimelineDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
