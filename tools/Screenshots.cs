#:package Microsoft.Playwright
#:property PublishAot=false
// The README's three screenshots, taken from a running app (tools/screenshots.sh starts one):
// the timeline, an event's page and its edit form, at 1440×900 in Debian's Chromium.
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: dotnet run tools/Screenshots.cs -- BASE_URL EDITOR_EMAIL PASSWORD OUT_DIR");
    return 2;
}
var (baseUrl, email, password, outDir) = (args[0].TrimEnd('/'), args[1], args[2], args[3]);

// The event shown: the 1945 trial of Gavriil Miasnikov, with its bench, defendant and evidence.
using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
var found = await http.GetFromJsonAsync<JsonElement>("/api/events?person=Miasnikov&kind=trial&from=1945&to=1945");
var eventId = found.GetProperty("items")[0].GetProperty("id").GetInt32();

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox"],
});
var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 }, Locale = "en-GB" });
var page = await context.NewPageAsync();

// The Great Purge years with the show trials: bars where events crowd, single events where they fit.
await page.GotoAsync($"{baseUrl}/timeline?from=1934&to=1938&kind=trial&kind=arrest&kind=execution");
var canvas = page.GetByRole(AriaRole.Application, new() { Name = "Timeline of events" });
await Assertions.Expect(canvas).ToHaveAttributeAsync("aria-busy", "false", new() { Timeout = 60_000 });
await Save("timeline");

await page.GotoAsync($"{baseUrl}/events/{eventId}");
await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
await Assertions.Expect(page.Locator("[aria-label^=Loading]")).ToHaveCountAsync(0);
await Save("event");

await page.GotoAsync($"{baseUrl}/account/login?ReturnUrl=" + Uri.EscapeDataString($"/events/{eventId}/edit"));
await page.GetByLabel("Email").FillAsync(email);
await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
await page.WaitForURLAsync($"**/events/{eventId}/edit");
await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
await Assertions.Expect(page.Locator("[aria-label^=Loading]")).ToHaveCountAsync(0);
await Save("edit-form");
return 0;

async Task Save(string name)
{
    // Fonts and layout settle before the picture: MudBlazor's popovers and vis-timeline's redraw come after load.
    await page.EvaluateAsync("() => document.fonts.ready");
    var path = Path.Combine(outDir, name + ".png");
    await page.ScreenshotAsync(new() { Path = path });
    Console.WriteLine($"{path}: {page.Url}");
}
