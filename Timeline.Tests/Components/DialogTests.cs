using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Bunit.TestDoubles;
using Timeline.Domain.Curation;
using Timeline.Tests.Support;
using Timeline.Web.Components.Pages.Curation;
using Timeline.Web.Components.Shared;

namespace Timeline.Tests.Components;

/// <summary>
/// The questions the forms put to an editor in a dialog: what to do about another editor's save, and whether to leave
/// unsaved changes. The app's layout holds the dialog provider; here it is rendered beside the component.
/// </summary>
public sealed class DialogTests : IDisposable
{
    private static readonly SaveOutcome.Conflict Conflict = new(3, 4, "other.editor@example.org", new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc),
        [new FieldChange("Title", "Deputy commissar arrested", "Deputy commissar of heavy industry arrested"), new FieldChange("Place", null, "Moscow")]);

    private readonly TestDatabase _db = new();
    private readonly ComponentContext _ctx;

    public DialogTests() => _ctx = new ComponentContext(_db).SignIn("editor@example.org", Roles.Editor);

    public void Dispose()
    {
        _ctx.Dispose();
        _db.Dispose();
    }

    /// <summary>The component, with the dialog host the layout gives it.</summary>
    private IRenderedComponent<IComponent> RenderWithDialogs<T>() where T : IComponent =>
        _ctx.Render(b =>
        {
            b.OpenComponent<T>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
        });

    [Theory]
    [InlineData("Reload their version", ConflictChoice.Reload)]
    [InlineData("Overwrite with mine", ConflictChoice.Overwrite)]
    [InlineData("Cancel", ConflictChoice.Cancel)]
    public async Task The_conflict_dialog_shows_the_other_editors_changes_and_returns_the_choice_made(string button, ConflictChoice choice)
    {
        var cut = _ctx.Render<MudDialogProvider>();
        var dialogs = _ctx.Services.GetRequiredService<IDialogService>();

        Task<ConflictChoice> asked = null!;
        // Started on the renderer's thread, as a page's save would; it completes when the editor chooses.
        await cut.InvokeAsync(() => { asked = ConflictDialog.AskAsync(dialogs, Conflict, "event"); });

        cut.WaitForAssertion(() => Assert.Contains("other.editor@example.org saved this event", cut.Find("[role=dialog]").Read(), StringComparison.Ordinal));
        Assert.Equal(
            [["Title", "Deputy commissar arrested", "Deputy commissar of heavy industry arrested"], ["Place", "—", "Moscow"]],
            cut.Find("[role=dialog] table").Rows());
        Assert.False(asked.IsCompleted);

        cut.Nodes.Button(button).Click();

        Assert.Equal(choice, await asked.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>
    /// Where the next navigation lands. The guard answers asynchronously, after the render that closes its dialog, so a
    /// wait on renders could look too early: this waits for the navigation manager's own report.
    /// </summary>
    private Task<string> NextLocation()
    {
        var landed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ctx.Navigation.LocationChanged += (_, e) => landed.TrySetResult(e.Location);
        return landed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>How the navigation ended, as bUnit records it in its history, whether the guard stopped it or let it go.</summary>
    private async Task<NavigationHistory> SettledAsync()
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (_ctx.Navigation.History.Count == 0)
        {
            Assert.True(DateTime.UtcNow < until, "The navigation neither went nor was stopped.");
            await Task.Delay(20);
        }
        return _ctx.Navigation.History.First();
    }

    [Fact]
    public async Task Leaving_a_form_that_was_not_changed_asks_nothing()
    {
        var cut = RenderWithDialogs<PersonForm>();
        cut.WaitForState(() => cut.FindAll("form").Count == 1);
        var landed = NextLocation();

        await cut.InvokeAsync(() => _ctx.Navigation.NavigateTo("/persons"));

        Assert.Equal("http://localhost/persons", await landed);
        Assert.Empty(cut.FindAll("[role=dialog]"));
    }

    [Fact]
    public async Task Leaving_a_changed_form_asks_first_and_staying_keeps_the_changes()
    {
        var cut = RenderWithDialogs<PersonForm>();
        cut.WaitForState(() => cut.FindAll("form").Count == 1);
        var start = _ctx.Navigation.Uri;
        cut.Nodes.Field("Name").Change("Half-written person");

        await cut.InvokeAsync(() => _ctx.Navigation.NavigateTo("/persons"));

        cut.WaitForAssertion(() => Assert.Contains("Your changes have not been saved", cut.Find("[role=dialog]").Read(), StringComparison.Ordinal));
        Assert.Empty(_ctx.Navigation.History);
        cut.Nodes.Button("Stay on the page").Click();
        Assert.Equal(NavigationState.Prevented, (await SettledAsync()).State);
        Assert.Equal(start, _ctx.Navigation.Uri);
        Assert.Equal("Half-written person", cut.Nodes.Field("Name").GetAttribute("value"));
    }

    [Fact]
    public async Task Leaving_a_changed_form_asks_first_and_goes_when_told_to()
    {
        var cut = RenderWithDialogs<PersonForm>();
        cut.WaitForState(() => cut.FindAll("form").Count == 1);
        cut.Nodes.Field("Name").Change("Half-written person");

        await cut.InvokeAsync(() => _ctx.Navigation.NavigateTo("/persons"));

        cut.WaitForAssertion(() => Assert.Contains("Your changes have not been saved", cut.Find("[role=dialog]").Read(), StringComparison.Ordinal));
        Assert.Empty(_ctx.Navigation.History);
        cut.Nodes.Button("Leave without saving").Click();
        // Read from the navigation manager's record: when the guard lets a navigation go after its dialog, a listener added
        // after the render does not hear the change (measured: one added before it does; a listener of the rendered
        // components fails first), so NextLocation cannot be used here.
        var went = await SettledAsync();
        Assert.Equal((NavigationState.Succeeded, "/persons"), (went.State, went.Uri));
        Assert.Equal("http://localhost/persons", _ctx.Navigation.Uri);
    }
}
