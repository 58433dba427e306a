using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Timeline.Domain.Curation;

namespace Timeline.Web.Components.Pages.Curation;

/// <summary>
/// What every curation page shares: the acting user, taken from the circuit's authentication state, and a
/// way to run a command that shows the domain's refusals (not authorised, cannot be done) as a message.
/// The pages are marked for editors, but the commands check the actor themselves.
/// </summary>
public abstract class CurationPage : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The refusal or failure to show at the top of the page, or null.</summary>
    protected string? Problem { get; set; }

    protected async Task<Actor> ActorAsync() =>
        AuthenticationState is null ? Actor.Anonymous : Actor.From((await AuthenticationState).User);

    /// <summary>Runs a command as the current user; a refusal becomes <see cref="Problem"/> and the result is default.</summary>
    protected async Task<T?> RunAsync<T>(Func<Actor, Task<T>> command)
    {
        Problem = null;
        try
        {
            return await command(await ActorAsync());
        }
        catch (Exception e) when (e is NotAuthorizedException or CurationException)
        {
            Problem = e.Message;
            return default;
        }
    }

    protected async Task<bool> RunAsync(Func<Actor, Task> command) =>
        await RunAsync(async actor => { await command(actor); return true; });
}
