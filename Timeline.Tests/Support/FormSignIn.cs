using AngleSharp.Html.Parser;

namespace Timeline.Tests.Support;

/// <summary>Signs in through the sign-in form over plain HTTP, with its antiforgery token, as a browser would.</summary>
public static class FormSignIn
{
    /// <summary>The form's hidden fields (handler name, antiforgery token) as the page renders them.</summary>
    public static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient http)
    {
        var html = await http.GetStringAsync("/account/login");
        var form = new HtmlParser().ParseDocument(html).QuerySelectorAll("form")
            .FirstOrDefault(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == "login")
            ?? throw new InvalidOperationException("No sign-in form:\n" + html);
        return form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, Dictionary<string, string> hidden, string email, string password,
        string? returnUrl = null) =>
        http.PostAsync("/account/login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)),
            new FormUrlEncodedContent(new Dictionary<string, string>(hidden) { ["Input.Email"] = email, ["Input.Password"] = password }));

    /// <summary>Signs in and fails unless the answer is the redirect a successful sign-in gives.</summary>
    public static async Task SignInAsync(HttpClient http, string email, string password = TestAccounts.Password)
    {
        using var response = await PostAsync(http, await FormFieldsAsync(http), email, password);
        if ((int)response.StatusCode is < 300 or >= 400)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
    }
}
