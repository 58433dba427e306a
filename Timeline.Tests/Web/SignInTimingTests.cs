using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Domain.Data;
using Timeline.Tests.Support;
using Timeline.Web.Account;

namespace Timeline.Tests.Web;

/// <summary>An unknown email must not answer faster than a wrong password, or the answer tells which emails have accounts.</summary>
public sealed class SignInTimingTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task An_unknown_email_takes_as_long_as_a_wrong_password_and_fails_the_same_way()
    {
        var services = new ServiceCollection().AddLogging().AddTimelineDomain(_ => _db.ConnectionString);
        services.AddTimelineIdentity();
        await using var provider = services.BuildServiceProvider();
        await TestAccounts.CreateAsync(_db);
        await using (var scope = provider.CreateAsyncScope())
        {
            // So that repeated wrong passwords measure the hashing, not a lockout's early refusal.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            await users.SetLockoutEnabledAsync((await users.FindByNameAsync(TestAccounts.Editor))!, false);
        }

        async Task<(double Ms, SignInResult Result)> AttemptAsync(string email)
        {
            await using var scope = provider.CreateAsyncScope();
            var signIn = scope.ServiceProvider.GetRequiredService<PasswordSignIn>();
            var clock = Stopwatch.StartNew();
            var result = await signIn.SignInAsync(email, "not the password at all", remember: false);
            return (clock.Elapsed.TotalMilliseconds, result);
        }

        await AttemptAsync("nobody@example.org");
        await AttemptAsync(TestAccounts.Editor);
        var unknown = new List<double>();
        var wrong = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var u = await AttemptAsync("nobody@example.org");
            var w = await AttemptAsync(TestAccounts.Editor);
            Assert.Equal(SignInResult.Failed.ToString(), u.Result.ToString());
            Assert.Equal(u.Result.ToString(), w.Result.ToString());
            unknown.Add(u.Ms);
            wrong.Add(w.Ms);
        }

        // Ratios within one run, never absolute times: the machine is shared and its speed varies.
        var ratio = Median(unknown) / Median(wrong);
        Assert.True(ratio is > 0.5 and < 2, $"unknown email {Median(unknown):0.0} ms, wrong password {Median(wrong):0.0} ms (ratio {ratio:0.00})");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
