using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Timeline.Web.Account;

namespace Timeline.Tests.Support;

/// <summary>
/// A bUnit context wired as the app wires its components: the domain services of a test database, the component
/// library's services, and bUnit's navigation and authorisation fakes (an anonymous reader until a test signs
/// someone in with <see cref="SignIn"/>).
/// </summary>
public sealed class ComponentContext : BunitContext, IDisposable
{
    // MudBlazor's services can only be disposed asynchronously, and a synchronous Dispose of the container throws; the
    // test classes dispose their context synchronously, so both ways end in DisposeAsync.
    public new void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    void IDisposable.Dispose() => Dispose();

    // bUnit waits one second by default; the whole suite shares two cores with other builds, and a wait only lasts
    // as long as the state takes to arrive.
    static ComponentContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(30);

    public ComponentContext(TestDatabase? db = null)
    {
        if (db is not null) Services.AddFallbackServiceProvider(db.Services);
        Services.AddMudServices();
        // The curation forms ask it who saves, at each save; a test that saves would also need the app's user store.
        Services.AddOptions();
        Services.AddSingleton<CurrentActor>();
        Authorization = AddAuthorization();
        // MudBlazor's inputs, popovers and dialogs call their script after rendering; what the tests check
        // does not depend on its answers, and a strict runtime would need every call set up by name.
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public BunitAuthorizationContext Authorization { get; }

    /// <summary>
    /// MudBlazor's services (key interceptor, popovers, pointer events) can only be disposed asynchronously, and the service
    /// provider throws when disposed synchronously; the tests dispose their context with <c>using</c>, so this does it the async way.
    /// </summary>
    protected override void Dispose(bool disposing)
    {
        // DisposeAsync ends by calling Dispose(false), which releases the rest. Run off the test's synchronisation context.
        if (disposing) Task.Run(async () => await DisposeAsync()).GetAwaiter().GetResult();
        else base.Dispose(disposing);
    }

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
        cut.WaitForState(() => cut.FindAll("[aria-label^='Loading']").Count == 0);
        return cut;
    }
}
