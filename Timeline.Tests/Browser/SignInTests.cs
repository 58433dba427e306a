using System.Net;
using AngleSharp.Html.Parser;
using Timeline.Tests.Support;

namespace Timeline.Tests.Browser;

/// <summary>The sign-in form over plain HTTP, as a script or an attacker would use it.</summary>
[Collection(BrowserTests.Name)]
public class SignInTests(BrowserFixture browser)
{
    private HttpClient Client(CookieContainer cookies) => new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(browser.Server.BaseUrl),
    };

    /// <summary>The form's hidden fields (handler name, antiforgery token) as the page renders them.</summary>
    private static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient http)
    {
        var html = await http.GetStringAsync("/account/login");
        var form = new HtmlParser().ParseDocument(html).QuerySelectorAll("form")
            .FirstOrDefault(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == "login")
            ?? throw new InvalidOperationException("No sign-in form:\n" + html);
        return form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, Dictionary<string, string> hidden, string email, string password) =>
        http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>(hidden)
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));

    private static bool SignedIn(CookieContainer cookies, HttpClient http) =>
        cookies.GetCookies(http.BaseAddress!).Any(c => c.Name == "timeline.auth");

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_rejected()
    {
        var cookies = new CookieContainer();
        using var http = Client(cookies);
        var hidden = await FormFieldsAsync(http);
        Assert.Contains("__RequestVerificationToken", hidden.Keys);
        hidden.Remove("__RequestVerificationToken");

        using var response = await PostAsync(http, hidden, TestAccounts.Editor, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(SignedIn(cookies, http));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_then_refused()
    {
        var cookies = new CookieContainer();
        using var http = Client(cookies);
        var hidden = await FormFieldsAsync(http);

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await PostAsync(http, hidden, TestAccounts.LockoutVictim, "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(i < 4 ? "The email or password is wrong." : "This account is locked", await wrong.Content.ReadAsStringAsync(),
                StringComparison.Ordinal);
        }
        using var right = await PostAsync(http, hidden, TestAccounts.LockoutVictim, TestAccounts.Password);

        Assert.Contains("This account is locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(SignedIn(cookies, http));
    }
}
