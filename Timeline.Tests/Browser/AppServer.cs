using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Timeline.Tests.Support;

namespace Timeline.Tests.Browser;

/// <summary>
/// The real app, started as its own process on a free local port (Kestrel picks it: --urls :0), on a
/// copy of the seeded database. Browser tests talk to it exactly as a user's browser would.
/// </summary>
public sealed partial class AppServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _ownsDatabase;

    private AppServer(Process process, TestDatabase database)
    {
        _process = process;
        Database = database;
    }

    public string BaseUrl { get; private set; } = "";
    public TestDatabase Database { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>
    /// A server on its own copy of the seeded database, with the test accounts (<see cref="TestAccounts"/>), for tests
    /// that change so much that others sharing the database would notice. Disposing it deletes the database.
    /// </summary>
    /// <param name="settings">Configuration beside the administrator's, such as a test hook.</param>
    public static async Task<AppServer> StartWithAccountsAsync(IDictionary<string, string>? settings = null)
    {
        var database = new TestDatabase(seeded: true);
        try
        {
            await TestAccounts.CreateAsync(database);
            var all = TestAccounts.AdminSettings;
            foreach (var (k, v) in settings ?? new Dictionary<string, string>()) all[k] = v;
            var server = await StartAsync(database, all);
            server._ownsDatabase = true;
            return server;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <param name="executable">Another copy of the app than the build output's (a published one), started in
    /// <paramref name="environment"/> from <paramref name="workingDirectory"/>.</param>
    public static async Task<AppServer> StartAsync(TestDatabase database, IDictionary<string, string>? settings = null,
        string? executable = null, string environment = "Development", string? workingDirectory = null)
    {
        var exe = executable ?? AppExecutable();
        var psi = new ProcessStartInfo(exe)
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(exe)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add("http://127.0.0.1:0");
        // A build output folder serves the package assets (Blazor's and MudBlazor's scripts and styles) only in Development.
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        psi.Environment["ConnectionStrings__Timeline"] = database.ConnectionString;
        psi.Environment["Timeline__SeedFolder"] = Repo.SeedFolder;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        // Every test signs in from 127.0.0.1; the sign-in rate limit's own test sets a low one.
        psi.Environment["Timeline__SignIn__AttemptsPerMinute"] = "1000";
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) psi.Environment[k.Replace(":", "__", StringComparison.Ordinal)] = v;

        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {exe}.");
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new AppServer(process, database);
        void OnLine(string? line)
        {
            if (line is null) return;
            lock (server._output) server._output.AppendLine(line);
            if (Listening().Match(line) is { Success: true } m) listening.TrySetResult(m.Groups[1].Value);
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var done = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (done != listening.Task)
        {
            try { process.Kill(true); } catch (InvalidOperationException) { }
            throw new InvalidOperationException("The app did not start:\n" + server.Output);
        }
        server.BaseUrl = listening.Task.Result.TrimEnd('/');
        return server;
    }

    /// <summary>A JSON answer of the app's read API, for checking what a page shows against it.</summary>
    public async Task<JsonElement> GetJsonAsync(string pathAndQuery)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        return await http.GetFromJsonAsync<JsonElement>(pathAndQuery);
    }

    /// <summary>The built app, which the tests also run as a command-line tool.</summary>
    internal static string AppExecutable()
    {
        // The test project references Timeline.Web, so it is built in the same configuration.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var exe = Path.Combine(Repo.Root, "Timeline.Web", "bin", configuration, "net10.0", "Timeline.Web");
        return File.Exists(exe) ? exe : throw new FileNotFoundException("Build Timeline.Web first.", exe);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        if (_ownsDatabase) Database.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
