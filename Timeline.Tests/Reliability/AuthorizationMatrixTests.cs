using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Domain.Curation;
using Timeline.Domain.Data;
using Timeline.Tests.Support;
using Timeline.Web.Account;
using Xunit.Abstractions;

namespace Timeline.Tests.Reliability;

/// <summary>
/// Every route of the app, read from its own endpoint data sources (minimal API endpoints and Razor pages alike, so a new
/// route cannot escape), requested by a visitor, a signed-in reader without a role, an editor and an administrator. A
/// route marked [Authorize(Roles = ...)] must send the visitor to sign in, refuse the others without the role, and open
/// for those with it; every other route must open for all four. Non-GET routes must carry antiforgery protection.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class AuthorizationMatrixTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private readonly TimelineAppFactory _app = new();

    /// <summary>The framework's own plumbing: the circuit's hub and script endpoints, reached by the pages, never linked.</summary>
    private static readonly string[] Infrastructure = ["/_blazor", "/_blazor/negotiate", "/_blazor/disconnect/", "/_blazor/initializers/", "/_framework/opaque-redirect"];

    public async Task InitializeAsync()
    {
        await TestAccounts.CreateAsync(_app.Database);
        // The administrator, as the app makes the first one from its settings: with both roles.
        var services = new ServiceCollection().AddLogging().AddTimelineDomain(_ => _app.Database.ConnectionString);
        services.AddTimelineIdentity();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdmin>().CreateAsync(null, TestAccounts.Admin, TestAccounts.Password, [Roles.Admin, Roles.Editor]);
        Assert.True(created.Succeeded);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    private enum Who { Visitor, Reader, Editor, Admin }

    [Fact]
    public async Task Every_route_opens_exactly_for_the_roles_it_names()
    {
        var clients = new Dictionary<Who, HttpClient>();
        foreach (var who in Enum.GetValues<Who>())
        {
            var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (who != Who.Visitor)
                await FormSignIn.SignInAsync(http, who switch { Who.Reader => TestAccounts.Reader, Who.Editor => TestAccounts.Editor, _ => TestAccounts.Admin });
            clients[who] = http;
        }
        int eventId, personId, sourceId;
        using (var db = _app.Database.NewContext())
            (eventId, personId, sourceId) = (db.Events.Min(e => e.Id), db.Persons.Min(p => p.Id), db.Sources.Min(s => s.Id));

        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.StartsWith("StaticAsset", StringComparison.Ordinal)) && e.RoutePattern.RawText != "{**path:file}")
            .ToList();
        var checks = 0;
        var routes = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText!;
            if (Infrastructure.Contains(pattern)) continue;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (methods.Any(m => m is not ("GET" or "HEAD")))
                Assert.True(endpoint.Metadata.Any(m => m.GetType().Name.Contains("Antiforgery", StringComparison.Ordinal)), $"{pattern} takes {string.Join(",", methods)} without antiforgery");
            if (!methods.Contains("GET")) continue;
            var roles = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
            var allowAnonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            // Route values a request can fill: ids of existing records, the OpenAPI document's name; optional ones left out.
            var url = System.Text.RegularExpressions.Regex.Replace(pattern, @"/\{[^}]*\?\}", "")
                .Replace("{documentName}", "v1", StringComparison.Ordinal)
                .Replace("{Id:int}", "ID", StringComparison.Ordinal).Replace("{id}", "ID", StringComparison.Ordinal);
            url = url.StartsWith("/events", StringComparison.Ordinal) || url.StartsWith("/api/events", StringComparison.Ordinal) ? url.Replace("ID", $"{eventId}", StringComparison.Ordinal)
                : url.Contains("persons", StringComparison.Ordinal) ? url.Replace("ID", $"{personId}", StringComparison.Ordinal)
                : url.Replace("ID", $"{sourceId}", StringComparison.Ordinal);
            Assert.DoesNotContain("{", url, StringComparison.Ordinal);
            routes.Add($"{url} [{(roles.Count == 0 || allowAnonymous ? "everyone" : string.Join("/", roles))}]");

            foreach (var (who, http) in clients)
            {
                var response = await http.GetAsync(url);
                var location = response.Headers.Location is { } l ? new Uri(new Uri("http://localhost" + url), l).AbsolutePath : "";
                if (response.StatusCode == HttpStatusCode.Redirect && location == url + "/")
                {
                    // A page's own canonical address (Scalar's /api-reference/): that is the route to check.
                    response.Dispose();
                    response = await http.GetAsync(url + "/");
                    location = response.Headers.Location is { } m ? new Uri(new Uri("http://localhost" + url), m).AbsolutePath : "";
                }
                var status = response.StatusCode;
                response.Dispose();
                var allowed = roles.Count == 0 || allowAnonymous || who switch
                {
                    // The first administrator is made with both roles, as UserAdmin and add-user make every administrator.
                    Who.Admin => roles.Contains(Roles.Admin) || roles.Contains(Roles.Editor),
                    Who.Editor => roles.Contains(Roles.Editor),
                    _ => false,
                };
                if (allowed)
                    Assert.True(status == HttpStatusCode.OK, $"{who} got {(int)status} {location} for {url}");
                else if (who == Who.Visitor)
                    Assert.True(status == HttpStatusCode.Redirect && location.Equals("/account/login", StringComparison.OrdinalIgnoreCase), $"{who} got {(int)status} {location} for {url}");
                else
                    Assert.True(status == HttpStatusCode.Redirect && location.Equals("/account/denied", StringComparison.OrdinalIgnoreCase), $"{who} got {(int)status} {location} for {url}");
                checks++;
            }
        }
        output.WriteLine($"{routes.Count} routes, {checks} checks:\n" + string.Join("\n", routes));
        Assert.True(routes.Count >= 30, $"only {routes.Count} routes found");
        foreach (var http in clients.Values) http.Dispose();
    }
}
