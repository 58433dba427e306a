namespace Timeline.Web.Components.Pages.Browse;

/// <summary>
/// Loads that may overlap, for a caller that keeps whichever answer arrives last (MudDataGrid keeps the rows of the
/// load that ends last): every load started here answers with the newest load's result, so an older load that ends
/// after a newer one cannot put its stale answer back.
/// </summary>
public sealed class NewestLoad<T>
{
    private Task<T>? _newest;

    public async Task<T> RunAsync(Task<T> load)
    {
        _newest = load;
        var result = await load;
        while (_newest is { } newest && newest != load) result = await (load = newest);
        return result;
    }
}
