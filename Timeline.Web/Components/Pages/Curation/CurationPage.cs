using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Timeline.Domain.Curation;
using Timeline.Web.Components.Shared;

namespace Timeline.Web.Components.Pages.Curation;

/// <summary>
/// What every curation page shares: the acting user, taken from the circuit's authentication state, and the
/// way a save goes (refusals shown as a message, invalid fields shown inline, conflicts put to the editor).
/// The pages are marked for editors, but the commands check the actor themselves, an actor read afresh at each save.
/// </summary>
public abstract class CurationPage : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private Timeline.Web.Account.CurrentActor CurrentActor { get; set; } = default!;

    /// <summary>The refusal or failure to show at the top of the page, or null.</summary>
    protected string? Problem { get; set; }

    /// <summary>
    /// The acting user with the roles the database gives them now: a role removed while this page was open refuses
    /// the save, not only the next page.
    /// </summary>
    protected async Task<Actor> ActorAsync() =>
        AuthenticationState is null ? Actor.Anonymous : await CurrentActor.OfAsync((await AuthenticationState).User);

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

    /// <summary>
    /// Saves from <paramref name="baseVersion"/>. Invalid fields go to the form's validator; on a conflict the editor
    /// sees the other editor's changes and chooses to reload theirs or overwrite with this form's.
    /// </summary>
    /// <param name="save">The command: actor, base version, overwrite.</param>
    /// <returns>The saved outcome, or null when nothing was saved.</returns>
    protected async Task<SaveOutcome.Saved?> SaveAsync(Func<Actor, int, bool, Task<SaveOutcome>> save, int baseVersion, string what,
        FluentValidator? validator, Func<Task> reload)
    {
        var overwrite = false;
        while (true)
        {
            switch (await RunAsync(actor => save(actor, baseVersion, overwrite)))
            {
                case SaveOutcome.Saved saved:
                    return saved;
                case SaveOutcome.Invalid invalid:
                    validator?.Show(invalid.Errors);
                    return null;
                case SaveOutcome.Conflict conflict:
                    var choice = await ConflictDialog.AskAsync(Dialogs, conflict, what);
                    if (choice == ConflictChoice.Overwrite)
                    {
                        (baseVersion, overwrite) = (conflict.CurrentVersion, true);
                        continue;
                    }
                    if (choice == ConflictChoice.Reload) await reload();
                    return null;
                default:
                    return null;
            }
        }
    }

    /// <summary>Asks, then soft-deletes; a refusal ("still cited by events") or a conflict becomes <see cref="Problem"/>.</summary>
    protected async Task<bool> DeleteAsync(Func<Actor, Task<SaveOutcome>> delete, string what)
    {
        var ok = await Dialogs.ShowMessageBoxAsync($"Delete the {what}", $"Move this {what} to the trash? Editors can restore it from there.",
            yesText: "Delete", cancelText: "Keep it");
        if (ok != true) return false;
        switch (await RunAsync(delete))
        {
            case SaveOutcome.Saved:
                return true;
            case SaveOutcome.Conflict c:
                Problem = $"{c.ChangedBy} changed this {what} after you opened it. Reload the page to see their changes before deleting.";
                return false;
            default:
                return false;
        }
    }
}
