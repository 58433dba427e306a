using System.Diagnostics;
using Timeline.Tests.Browser;
using Timeline.Tests.Support;

namespace Timeline.Tests.Deploy;

/// <summary>
/// The app as it is deployed: <c>dotnet publish -c Release</c> into a temporary folder (once per run; the restore is
/// reused), started as its own executable in the Production environment, from another folder than its own, on a copy of
/// the seeded database, with forwarded headers switched on as behind a reverse proxy.
/// </summary>
public sealed class PublishedAppFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-tests", "published-" + Guid.NewGuid().ToString("N"));

    public AppServer Server { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var output = Path.Combine(_folder, "app");
        await PublishAsync(output);
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "elsewhere")).FullName;
        var database = new TestDatabase(seeded: true);
        try
        {
            Server = await AppServer.StartAsync(database, new Dictionary<string, string> { ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true" },
                executable: Path.Combine(output, OperatingSystem.IsWindows() ? "Timeline.Web.exe" : "Timeline.Web"),
                environment: "Production", workingDirectory: elsewhere);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    private static async Task PublishAsync(string output)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "publish", Path.Combine("Timeline.Web", "Timeline.Web.csproj"), "-c", "Release", "-o", output, "--no-restore", "-nologo",
            "-v", "q", "-nodeReuse:false", "-p:UseSharedCompilation=false" })
            psi.ArgumentList.Add(a);
        // No build server or compiler server outlives the publish: they would inherit its output pipes and hold them open.
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
            Server.Database.Dispose();
        }
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
