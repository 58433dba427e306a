using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Timeline.Domain.Curation;
using Timeline.Domain.Data;
using Timeline.Web.Account;

namespace Timeline.Tests.Support;

/// <summary>Accounts the browser tests sign in with, created in a test database through the app's own Identity set-up.</summary>
public static class TestAccounts
{
    public const string Password = "a long test passphrase";
    public const string Admin = "admin@example.org";
    public const string Editor = "editor@example.org";
    public const string Reader = "reader@example.org";
    /// <summary>Kept for the lockout test, which locks it.</summary>
    public const string LockoutVictim = "lockout@example.org";

    /// <summary>The settings that make the app create the first administrator at start-up.</summary>
    public static IDictionary<string, string> AdminSettings => new Dictionary<string, string>
    {
        ["Timeline:Admin:Email"] = Admin,
        ["Timeline:Admin:Password"] = Password,
    };

    /// <summary>Creates the editor, the reader (no role) and the lockout account before the app starts.</summary>
    public static async Task CreateAsync(TestDatabase database)
    {
        var services = new ServiceCollection().AddLogging().AddTimelineDomain(_ => database.ConnectionString);
        services.AddTimelineIdentity();
        await using var provider = services.BuildServiceProvider();
        await IdentitySetup.EnsureRolesAndAdminAsync(provider, new ConfigurationBuilder().Build(), NullLogger.Instance);
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        foreach (var (email, roles) in new[] { (Editor, new[] { Roles.Editor }), (Reader, []), (LockoutVictim, [Roles.Editor]) })
        {
            var result = await users.CreateAsync(null, email, Password, roles);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
