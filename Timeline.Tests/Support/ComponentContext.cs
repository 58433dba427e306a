using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace Timeline.Tests.Support;

/// <summary>
/// A bUnit context wired as the app wires its components: the domain services of a test database, the component
/// library's services, and bUnit's navigation and authorisation fakes (an anonymous reader until a test signs
/// someone in with <see cref="SignIn"/>).
/// </summary>
public sealed class ComponentContext : BunitContext
{
    public ComponentContext(TestDatabase? db = null)
    {
        if (db is not null) Services.AddFallbackServiceProvider(db.Services);
        Services.AddRadzenComponents();
        Authorization = AddAuthorization();
        // Radzen's inputs, drop-downs and dialogs call their script after rendering; what the tests check does not
        // depend on its answers, and a strict runtime would need every call set up by name.
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public BunitAuthorizationContext Authorization { get; }

    public BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    /// <summary>The address the page is rendered at: its query string is what [SupplyParameterFromQuery] reads.</summary>
    public ComponentContext At(string path)
    {
        Navigation.NavigateTo(path);
        return this;
    }

    public ComponentContext SignIn(string userName, params string[] roles)
    {
        Authorization.SetAuthorized(userName);
        Authorization.SetRoles(roles);
        return this;
    }

    /// <summary>
    /// Renders a page and waits until it has loaded its data: pages show an indicator labelled "Loading …" until then
    /// (they load in OnParametersSetAsync, which bUnit does not wait for).
    /// </summary>
    public IRenderedComponent<T> RenderLoaded<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : IComponent
    {
        var cut = Render(parameters);
        cut.WaitForState(() => cut.FindAll("[aria-label^='Loading']").Count == 0, TimeSpan.FromSeconds(30));
        return cut;
    }
}
