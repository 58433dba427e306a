namespace Timeline.Web.Filtering;

/// <summary>
/// The browse state a page's next change builds on. Blazor navigates asynchronously: after NavigateTo, the address
/// (and the state read from it) changes only when the browser reports back. A change made in between, such as the
/// timeline reporting its range just after a click opened an event, would be built on the old state and undo the
/// change before it. So each change applies to the latest state asked for, and the address's state takes over again
/// once the browser has caught up with every request.
/// </summary>
public sealed class StateRequests
{
    // The query strings asked for and not yet reported back, oldest first.
    private readonly List<string> _pending = [];

    /// <summary>What the next change builds on: the last state asked for while the browser catches up, else the address's.</summary>
    public BrowseState Latest { get; private set; } = new();

    /// <summary>Applies a change to the latest state and returns the URL to go to, or null when the change changes nothing.</summary>
    public string? Request(Func<BrowseState, BrowseState> change, string path)
    {
        var next = change(Latest);
        var query = next.ToUri("");
        if (query == Latest.ToUri("")) return null;
        _pending.Add(query);
        Latest = next;
        return next.ToUri(path);
    }

    /// <summary>
    /// The address became <paramref name="uri"/> (absolute). True when the page should show its state: the browser moved
    /// by itself (a link, back or forward) or caught up with the last request. False for a request a later one replaces.
    /// </summary>
    public bool Arrived(string uri)
    {
        var state = BrowseState.FromUri(uri);
        var at = _pending.IndexOf(state.ToUri(""));
        if (at < 0) _pending.Clear();
        else _pending.RemoveRange(0, at + 1);
        if (_pending.Count > 0) return false;
        Latest = state;
        return true;
    }
}
