using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Timeline.Domain.Curation;
using Timeline.Domain.Data;
using Timeline.Tests.Support;
using Timeline.Web.Account;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

/// <summary>A page left open by an editor whose role an administrator removed: it saves nothing, and it signs out within a minute.</summary>
[Collection(BrowserTests.Name)]
public class OpenPageRevocationTests(BrowserFixture browser)
{
    private static readonly Actor Administrator = new("u-admin", "admin", new HashSet<string> { Roles.Admin, Roles.Editor });

    [Fact]
    public async Task An_open_edit_form_refuses_the_save_once_the_role_is_removed_and_leaves_for_sign_in_within_a_minute()
    {
        const string email = "soon.revoked@example.org";
        var services = new ServiceCollection().AddLogging().AddTimelineDomain(_ => browser.Server.Database.ConnectionString);
        services.AddTimelineIdentity();
        await using var provider = services.BuildServiceProvider();
        string id;
        await using (var scope = provider.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAdmin>().CreateAsync(null, email, TestAccounts.Password, [Roles.Editor])).Succeeded);
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email))!.Id;
        }
        await using var w = await browser.SignedInPageAsync(email);
        var page = w.Page;
        await w.GotoAsync("/events/1/edit");
        await Expect(page.GetByLabel("Title")).Not.ToHaveValueAsync("");

        await using (var scope = provider.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAdmin>().SetRolesAsync(Administrator, id, [])).Succeeded);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByText("Only editors can edit events")).ToBeVisibleAsync();
        // The circuit re-checks the account every 30 seconds; the old check (every minute) would miss this deadline.
        await Expect(page).ToHaveURLAsync(new Regex("/account/login", RegexOptions.IgnoreCase), new() { Timeout = 45_000 });
    }
}
