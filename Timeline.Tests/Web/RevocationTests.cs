using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Domain.Curation;
using Timeline.Tests.Support;
using Timeline.Web.Account;

namespace Timeline.Tests.Web;

/// <summary>An administrator's removal of a role, or a lock, takes effect at the user's next request and at their next save.</summary>
public sealed class RevocationTests : IAsyncLifetime, IDisposable
{
    private static readonly Actor Administrator = new("u-admin", "admin", new HashSet<string> { Roles.Admin, Roles.Editor });
    private readonly TimelineAppFactory _app = new();

    public Task InitializeAsync() => TestAccounts.CreateAsync(_app.Database);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    private HttpClient Client() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<T> AsAdministratorAsync<T>(Func<UserAdmin, UserManager<IdentityUser>, Task<T>> change)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await change(scope.ServiceProvider.GetRequiredService<UserAdmin>(), scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>());
    }

    private async Task<string> IdOfAsync(string email) => await AsAdministratorAsync(async (_, users) => (await users.FindByEmailAsync(email))!.Id);

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/account/login", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_editor_whose_role_is_removed_is_signed_out_at_the_next_request_and_denied_the_edit_form_after_signing_in()
    {
        using var http = Client();
        await FormSignIn.SignInAsync(http, TestAccounts.Editor);
        using (var form = await http.GetAsync("/events/new")) Assert.Equal(HttpStatusCode.OK, form.StatusCode);

        var id = await IdOfAsync(TestAccounts.Editor);
        Assert.True((await AsAdministratorAsync((admin, _) => admin.SetRolesAsync(Administrator, id, []))).Succeeded);

        // The role change renewed the account's security stamp, so the old cookie no longer opens anything.
        using (var response = await http.GetAsync("/events/new")) AssertSentToSignIn(response);
        await FormSignIn.SignInAsync(http, TestAccounts.Editor);
        using var again = await http.GetAsync("/events/new");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/account/denied", again.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_locked_account_is_signed_out_at_the_next_request()
    {
        using var http = Client();
        await FormSignIn.SignInAsync(http, TestAccounts.Editor);
        var id = await IdOfAsync(TestAccounts.Editor);

        Assert.True((await AsAdministratorAsync((admin, _) => admin.SetLockedAsync(Administrator, id, true))).Succeeded);

        using var response = await http.GetAsync("/events/new");
        AssertSentToSignIn(response);
    }

    [Fact]
    public async Task A_save_checks_the_roles_the_database_has_now_not_those_the_page_opened_with()
    {
        var id = await IdOfAsync(TestAccounts.Editor);
        ClaimsPrincipal principal;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<IdentityUser>>().CreateAsync((await users.FindByIdAsync(id))!);
        }
        var actors = _app.Services.GetRequiredService<CurrentActor>();
        Assert.True((await actors.OfAsync(principal)).CanEdit);

        Assert.True((await AsAdministratorAsync((admin, _) => admin.SetRolesAsync(Administrator, id, []))).Succeeded);

        Assert.False((await actors.OfAsync(principal)).CanEdit);
    }
}
