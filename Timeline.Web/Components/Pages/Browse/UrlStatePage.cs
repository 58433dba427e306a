using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Timeline.Web.Filtering;

namespace Timeline.Web.Components.Pages.Browse;

/// <summary>
/// A page whose state lives in the URL. A page without parameters is not re-rendered by the router when
/// only the query string changes, so this listens for location changes itself and reloads from the URL. Changes
/// go through <see cref="StateRequests"/>, so two in quick succession both count (see there).
/// </summary>
public abstract class UrlStatePage : ComponentBase, IDisposable
{
    [Inject] protected NavigationManager Nav { get; set; } = default!;

    protected BrowseState State { get; private set; } = new();

    private readonly StateRequests _requests = new();
    private string _path = "";
    private bool _disposed;

    protected override async Task OnInitializedAsync()
    {
        _path = PathOf(Nav.Uri);
        Nav.LocationChanged += OnLocationChanged;
        _requests.Arrived(Nav.Uri);
        await ApplyUrlAsync(Nav.Uri);
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) =>
        _ = InvokeAsync(async () =>
        {
            // Another page's address means this page is leaving: the router replaces it once the new page is ready, and
            // reading that address's filters here would start a load for a page no one sees (the table's grid then
            // raced the next table page's grid for the rows). A handler queued before Dispose may still run after it.
            if (_disposed || !string.Equals(PathOf(e.Location), _path, StringComparison.OrdinalIgnoreCase)) return;
            // An address the page asked for and has since asked to change again is skipped: showing it would move
            // the view back for a moment.
            if (!_requests.Arrived(e.Location)) return;
            await ApplyUrlAsync(e.Location);
            StateHasChanged();
        });

    private async Task ApplyUrlAsync(string uri)
    {
        var previous = State;
        State = BrowseState.FromUri(uri);
        await OnStateChangedAsync(previous, State);
    }

    /// <summary>Loads what the view shows for a state read from the URL (first load: previous is the empty state).</summary>
    protected abstract Task OnStateChangedAsync(BrowseState previous, BrowseState current);

    /// <summary>
    /// Changes the state in the URL. The change applies to the latest state asked for, not to <see cref="State"/>, which
    /// lags until the browser reports the new address: a change never undoes one made just before it.
    /// </summary>
    protected void Go(Func<BrowseState, BrowseState> change, string path, bool replace = false)
    {
        if (_requests.Request(change, path) is { } uri) Nav.NavigateTo(uri, replace: replace);
    }

    private static string PathOf(string uri) => new Uri(uri).AbsolutePath.TrimEnd('/');

    public void Dispose()
    {
        _disposed = true;
        Nav.LocationChanged -= OnLocationChanged;
        GC.SuppressFinalize(this);
    }
}
