using Microsoft.Playwright;
using Timeline.Tests.Support;

namespace Timeline.Tests.Browser;

/// <summary>One app server and one headless Debian Chromium shared by the browser tests.</summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public AppServer Server { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}; the test command installs it (apt-get install chromium).");
        // Slow shared machines: Blazor round trips can take more than Playwright's default five seconds.
        Assertions.SetDefaultExpectTimeout(15_000);
        Server = await StartServerAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// The app on a copy of the seeded database, with the test accounts: an editor, a reader and one to lock
    /// out, made before start; the administrator from configuration.
    /// </summary>
    protected virtual Task<AppServer> StartServerAsync() => AppServer.StartWithAccountsAsync();

    /// <summary>A fresh page that records every JavaScript error the page raises.</summary>
    /// <param name="server">Another server than the shared one, for tests that need a database of their own.</param>
    public async Task<WatchedPage> NewPageAsync(int width = 1366, int height = 900, AppServer? server = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (server ?? Server).BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return new WatchedPage(context, page);
    }

    /// <summary>A fresh page signed in through the sign-in form (a static page: plain fill and submit).</summary>
    public async Task<WatchedPage> SignedInPageAsync(string email, string password = TestAccounts.Password, AppServer? server = null)
    {
        var page = await NewPageAsync(server: server);
        await page.Page.GotoAsync("/account/login");
        await page.Page.GetByLabel("Email").FillAsync(email);
        await page.Page.GetByLabel("Password").FillAsync(password);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The first sign-in also warms the app up (password hashing, the first render of a page).
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync(new() { Timeout = 60_000 });
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}

/// <summary>A page whose uncaught errors and console errors fail the test that owns it.</summary>
public sealed class WatchedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    public WatchedPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => { lock (_errors) _errors.Add("page error: " + error); };
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (_errors) _errors.Add("console error: " + message.Text);
        };
    }

    public IPage Page { get; }

    /// <summary>Opens a path and waits until the Blazor circuit has made the page interactive.</summary>
    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitInteractiveAsync();
    }

    public Task WaitInteractiveAsync() =>
        Page.Locator("[data-interactive='yes']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public void AssertNoErrors()
    {
        lock (_errors) Assert.True(_errors.Count == 0, "JavaScript errors on the page:\n" + string.Join('\n', _errors));
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        AssertNoErrors();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
