using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Timeline.Web.Filtering;

namespace Timeline.Web.Components.Pages.Browse;

/// <summary>
/// A page whose state lives in the URL. A page without parameters is not re-rendered by the router when
/// only the query string changes, so this listens for location changes itself and reloads from the URL.
/// </summary>
public abstract class UrlStatePage : ComponentBase, IDisposable
{
    [Inject] protected NavigationManager Nav { get; set; } = default!;

    protected BrowseState State { get; private set; } = new();

    protected override async Task OnInitializedAsync()
    {
        Nav.LocationChanged += OnLocationChanged;
        await ApplyUrlAsync();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) =>
        _ = InvokeAsync(async () =>
        {
            await ApplyUrlAsync();
            StateHasChanged();
        });

    private async Task ApplyUrlAsync()
    {
        var previous = State;
        State = BrowseState.FromUri(Nav.Uri);
        await OnStateChangedAsync(previous, State);
    }

    /// <summary>Loads what the view shows for a state read from the URL (first load: previous is the empty state).</summary>
    protected abstract Task OnStateChangedAsync(BrowseState previous, BrowseState current);

    protected void Go(BrowseState state, string path, bool replace = false) => Nav.NavigateTo(state.ToUri(path), replace: replace);

    public void Dispose()
    {
        Nav.LocationChanged -= OnLocationChanged;
        GC.SuppressFinalize(this);
    }
}
