using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Domain.Curation;
using Timeline.Domain.Data;
using Timeline.Tests.Support;
using Timeline.Web.Account;

namespace Timeline.Tests.Web;

public sealed class PasswordRulesTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("111111111111")]
    [InlineData("abcdefghijklmn")]
    [InlineData("ZYXWVUTSRQPONM")]
    [InlineData("123456789012")]
    [InlineData("7890123456789")]
    [InlineData("qwertyuiopasdf")]
    [InlineData("1qaz2wsx3edc4rfv")]
    [InlineData("password123456")]
    [InlineData("Password1234!")]
    [InlineData("!!qwerty123456")]
    [InlineData("iloveyou2024!!")]
    [InlineData("football1987")]
    public void Repeated_sequential_and_common_passwords_are_refused_however_long(string password) =>
        Assert.NotNull(CommonPasswordValidator.Problem(password));

    [Theory]
    [InlineData(TestAccounts.Password)]
    [InlineData("newcomer's long passphrase")]
    [InlineData("correct horse battery staple")]
    [InlineData("Miasnikov wrote from Tehran 1930")]
    [InlineData("8362917405621")]
    [InlineData("Гавриил Мясников 1889")]
    public void Passphrases_pass(string password) => Assert.Null(CommonPasswordValidator.Problem(password));

    private async Task<T> WithAdminAsync<T>(Func<UserAdmin, UserManager<IdentityUser>, Task<T>> act)
    {
        var services = new ServiceCollection().AddLogging().AddTimelineDomain(_ => _db.ConnectionString);
        services.AddTimelineIdentity();
        await using var provider = services.BuildServiceProvider();
        await IdentitySetup.EnsureRolesAndAdminAsync(provider, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await using var scope = provider.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<UserAdmin>(), scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>());
    }

    private static readonly Actor Administrator = new("u-admin", "admin", new HashSet<string> { Roles.Admin, Roles.Editor });

    [Fact]
    public async Task Creating_an_account_refuses_a_common_password_as_the_users_page_and_the_add_user_verb_would()
    {
        var result = await WithAdminAsync((admin, _) => admin.CreateAsync(Administrator, "weak@example.org", "Password1234!", [Roles.Editor]));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "CommonPassword");
    }

    [Fact]
    public async Task Resetting_a_password_refuses_a_plain_sequence()
    {
        var result = await WithAdminAsync(async (admin, users) =>
        {
            Assert.True((await admin.CreateAsync(Administrator, "someone@example.org", TestAccounts.Password, [Roles.Editor])).Succeeded);
            var id = (await users.FindByEmailAsync("someone@example.org"))!.Id;
            return await admin.ResetPasswordAsync(Administrator, id, "abcdefghijklmnop");
        });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "Sequence");
    }
}
