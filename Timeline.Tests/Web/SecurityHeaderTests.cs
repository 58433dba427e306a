using Timeline.Tests.Support;

namespace Timeline.Tests.Web;

public class SecurityHeaderTests(TimelineAppFactory app) : IClassFixture<TimelineAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/timeline")]
    [InlineData("/account/login")]
    [InlineData("/api/events?pageSize=1")]
    public async Task Every_response_carries_one_content_security_policy_that_connects_only_to_its_own_origin(string path)
    {
        using var http = app.CreateClient();
        using var response = await http.GetAsync(path);

        // Two policies would both apply (the browser enforces each), so the app must send exactly one.
        var policies = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.ToList() : [];
        var policy = Assert.Single(policies);
        var connect = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("connect-src", StringComparison.Ordinal));
        Assert.Equal("connect-src 'self'", connect);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }
}
