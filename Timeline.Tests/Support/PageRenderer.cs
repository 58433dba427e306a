using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using Radzen;
using Timeline.Domain.Data;

namespace Timeline.Tests.Support;

/// <summary>
/// Renders a component to HTML with the framework's own static renderer, the way prerendering does, over
/// the domain services of a test database; the result is parsed for assertions.
/// </summary>
public static class PageRenderer
{
    /// <param name="user">Who is looking: an anonymous reader unless given.</param>
    public static async Task<IHtmlDocument> RenderAsync<T>(TestDatabase db, string path, IDictionary<string, object?>? parameters = null,
        ClaimsPrincipal? user = null)
        where T : IComponent
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddTimelineDomain(_ => db.ConnectionString)
            .AddRadzenComponents()
            .AddSingleton<NavigationManager>(new TestNavigationManager(path))
            .AddSingleton<IJSRuntime, NoJavaScript>()
            .AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationState(user ?? new ClaimsPrincipal(new ClaimsIdentity())));
        // Pages show edit links to editors only (AuthorizeView), as the app does.
        services.AddAuthorizationCore();
        services.AddCascadingAuthenticationState();
        // [SupplyParameterFromQuery] reads the query string through this provider.
        services.AddSupplyValueFromQueryProvider();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters ?? new Dictionary<string, object?>()));
            return output.ToHtmlString();
        });
        return new HtmlParser().ParseDocument(html);
    }

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private sealed class TestNavigationManager : NavigationManager
    {
        public TestNavigationManager(string path) => Initialize("http://localhost/", "http://localhost" + path);

        protected override void NavigateToCore(string uri, NavigationOptions options) => Uri = ToAbsoluteUri(uri).ToString();
    }

    /// <summary>Static rendering never calls script; a component that tries is a bug worth failing on.</summary>
    private sealed class NoJavaScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new InvalidOperationException($"JavaScript call '{identifier}' during static rendering.");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }
}
