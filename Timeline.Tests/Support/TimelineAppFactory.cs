using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Timeline.Tests.Support;

/// <summary>The web app in memory, on its own copy of the seeded database.</summary>
public sealed class TimelineAppFactory : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = new(seeded: true);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Timeline", Database.ConnectionString);
        builder.UseSetting("Timeline:SeedFolder", Repo.SeedFolder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Database.Dispose();
    }
}
