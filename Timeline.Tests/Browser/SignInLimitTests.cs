using System.Net;
using Timeline.Tests.Support;

namespace Timeline.Tests.Browser;

/// <summary>
/// Sign-in and sign-out over plain HTTP against a real server with a low sign-in limit (3 a minute). Each test speaks
/// for its own client addresses through X-Forwarded-For, which the app believes from a proxy on loopback.
/// </summary>
public sealed class SignInLimitTests : IAsyncLifetime
{
    private AppServer _server = default!;

    public async Task InitializeAsync()
    {
        var settings = TestAccounts.AdminSettings;
        settings["Timeline:SignIn:AttemptsPerMinute"] = "3";
        var database = new TestDatabase(seeded: true);
        await TestAccounts.CreateAsync(database);
        _server = await AppServer.StartAsync(database, settings);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _server.Database.Dispose();
    }

    private HttpClient Client(string clientAddress)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(_server.BaseUrl),
        };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return http;
    }

    [Fact]
    public async Task A_client_past_the_limit_is_refused_while_another_client_may_still_sign_in()
    {
        using var guesser = Client("203.0.113.10");
        var hidden = await FormSignIn.FormFieldsAsync(guesser);
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await FormSignIn.PostAsync(guesser, hidden, TestAccounts.Editor, "guess number " + i);
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        using var refused = await FormSignIn.PostAsync(guesser, hidden, TestAccounts.Editor, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);

        using var other = Client("203.0.113.11");
        await FormSignIn.SignInAsync(other, TestAccounts.Editor);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_as_a_wrong_password()
    {
        using var http = Client("203.0.113.20");
        var hidden = await FormSignIn.FormFieldsAsync(http);

        using var unknown = await FormSignIn.PostAsync(http, hidden, "nobody@example.org", "not the password at all");
        using var wrong = await FormSignIn.PostAsync(http, hidden, TestAccounts.Reader, "not the password at all");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The email or password is wrong.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The email or password is wrong.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/\\x")]
    [InlineData("//evil.example")]
    [InlineData("http://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Signing_out_with_a_return_address_off_the_site_goes_home(string returnUrl)
    {
        using var http = Client("203.0.113.30");
        var token = (await FormSignIn.FormFieldsAsync(http))["__RequestVerificationToken"];

        using var response = await http.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = returnUrl }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
