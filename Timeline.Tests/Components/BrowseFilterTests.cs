using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;
using Timeline.Web.Components.Pages.Browse;
using Timeline.Web.Filtering;

namespace Timeline.Tests.Components;

/// <summary>
/// The person picker, the notices of the browse shell and the filter bar's callbacks, on the repository's seed: Gavriil
/// Miasnikov has life dates and a description, and "Miasnikov" also names an unrelated Myasnikov.
/// </summary>
public sealed class BrowseFilterTests : IClassFixture<SeededDatabase>, IDisposable
{
    private readonly SeededDatabase _data;
    private readonly ComponentContext _ctx;
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;

    public BrowseFilterTests(SeededDatabase data)
    {
        _data = data;
        _ctx = new ComponentContext(data.Database);
        // MudBlazor draws lists and menus in the popover provider, beside the component that opens them.
        _popovers = _ctx.Render<MudPopoverProvider>();
    }

    public void Dispose() => _ctx.Dispose();

    private async Task<PersonView> PersonAsync(string name) =>
        (await _data.Database.Get<CatalogQueries>().SearchPersonsAsync(name, 1, 5)).Items.First(p => p.Name == name);

    /// <summary>A person picker whose choices are collected in <paramref name="raised"/>, after typing <paramref name="text"/>
    /// and once an option for <paramref name="name"/> is listed.</summary>
    private IRenderedComponent<PersonPicker> TypeUntilOffered(List<IReadOnlyList<int>> raised, string text, string name)
    {
        var cut = _ctx.Render<PersonPicker>(p => p.Add(x => x.SelectedChanged, (IReadOnlyList<int> ids) => raised.Add(ids)));
        cut.Nodes.Field("Persons").Input(text);
        _popovers.WaitForAssertion(() => Assert.Contains(_popovers.FindAll("[role=option]"), o => o.Read().StartsWith(name, StringComparison.Ordinal)));
        return cut;
    }

    [Fact]
    public async Task Typing_a_name_surname_first_offers_the_person_with_life_dates_and_description_and_choosing_adds_them()
    {
        var gavriil = await PersonAsync("Gavriil Miasnikov");
        var raised = new List<IReadOnlyList<int>>();

        var cut = TypeUntilOffered(raised, "miasnikov gav", "Gavriil Miasnikov");

        var his = _popovers.FindAll("[role=option]").First(o => o.Read().StartsWith("Gavriil Miasnikov", StringComparison.Ordinal));
        Assert.Contains(gavriil.LifeDisplay!, his.Read());
        Assert.Contains(gavriil.Description![..40], his.Read());
        Assert.Contains($"{gavriil.EventCount} events", his.Read());
        his.Click();

        cut.WaitForAssertion(() => Assert.Equal([[gavriil.Id]], raised));
    }

    [Fact]
    public async Task A_second_answer_for_the_same_name_keeps_the_options_so_a_click_on_one_still_chooses_it()
    {
        var blumkin = await PersonAsync("Yakov Blumkin");
        var raised = new List<IReadOnlyList<int>>();
        var cut = TypeUntilOffered(raised, "Блюмкин", "Yakov Blumkin");
        var shown = _popovers.FindComponents<MudListItem<PersonView>>().Single(i => i.Instance.Value?.Id == blumkin.Id);

        // The list asks again for the same text, as it does when the focus opened it while the typing's debounce ran.
        await cut.InvokeAsync(() => cut.FindComponent<MudAutocomplete<PersonView>>().Instance.OpenMenuAsync());

        // The option the pointer was on is still there (it was re-created: removed from the render tree) and its click counts.
        var again = _popovers.FindComponents<MudListItem<PersonView>>().Single(i => i.Instance.Value?.Id == blumkin.Id);
        Assert.Same(shown.Instance, again.Instance);
        shown.Find("[role=option]").Click();
        cut.WaitForAssertion(() => Assert.Equal([[blumkin.Id]], raised));
    }

    [Fact]
    public void Focusing_the_empty_person_box_opens_no_list_saying_no_person_matches()
    {
        var cut = _ctx.Render<PersonPicker>();

        cut.Find("input").Focus();

        // Nothing typed, nothing looked for: "No person has a name beginning so" would be untrue.
        Assert.DoesNotContain("No person has a name", _popovers.Markup, StringComparison.Ordinal);
        cut.Nodes.Field("Persons").Input("Blumk");
        _popovers.WaitForAssertion(() => Assert.Contains(_popovers.FindAll("[role=option]"), o => o.Read().StartsWith("Yakov Blumkin", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Each_chosen_person_and_name_is_a_chip_with_a_remove_button_naming_it()
    {
        var gavriil = await PersonAsync("Gavriil Miasnikov");
        var trotsky = await PersonAsync("Leon Trotsky");
        var ids = new List<IReadOnlyList<int>>();
        var names = new List<IReadOnlyList<string>>();
        var cut = _ctx.Render<PersonPicker>(p => p.Add(x => x.Selected, [gavriil.Id, trotsky.Id]).Add(x => x.Names, ["Zinoviev"])
            .Add(x => x.SelectedChanged, (IReadOnlyList<int> v) => ids.Add(v)).Add(x => x.NamesChanged, (IReadOnlyList<string> v) => names.Add(v)));

        cut.WaitForAssertion(() => Assert.Contains(gavriil.LifeDisplay!, cut.FindAll(".tl-chip")[0].GetAttribute("title")));
        cut.Nodes.Button("Remove Gavriil Miasnikov from the persons").Click();
        cut.Nodes.Button("Remove the name filter Zinoviev").Click();

        Assert.Equal([[trotsky.Id]], ids);
        Assert.Equal([[]], names);
    }

    /// <summary>The shell at an address, its state read from it as the pages read it.</summary>
    private IRenderedComponent<BrowseShell> Shell(string address)
    {
        _ctx.At(address);
        return _ctx.RenderLoaded<BrowseShell>(p => p.Add(x => x.State, BrowseState.FromUri(_ctx.Navigation.Uri)).Add(x => x.Path, "/list"));
    }

    [Fact]
    public async Task A_name_matching_several_persons_lists_them_and_keeping_one_puts_that_person_in_the_names_place()
    {
        var gavriil = await PersonAsync("Gavriil Miasnikov");
        var cut = Shell("/list?person=Miasnikov&kind=arrest");

        var notice = cut.FindAll("[role=status]").Single(n => n.Read().Contains("2 persons match “Miasnikov”", StringComparison.Ordinal));
        Assert.Equal(["Gavriil Miasnikov", "Myasnikov"], notice.QuerySelectorAll("a").Select(a => a.Read()));
        notice.QuerySelectorAll("button").Single(b => (b.GetAttribute("aria-label") ?? "").StartsWith("Keep only Gavriil Miasnikov (", StringComparison.Ordinal)).Click();

        // The address follows once the click's handler has run on (it was not there yet once, in a full run at load 8).
        cut.WaitForAssertion(() => Assert.EndsWith($"/list?personId={gavriil.Id}&kind=arrest", _ctx.Navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_matching_nobody_says_so_and_offers_the_persons_a_word_of_whose_name_it_begins()
    {
        var lev = await PersonAsync("Lev Sedov");
        var cut = Shell("/list?person=Sedov");

        var notice = cut.FindAll("[role=status]").Single(n => n.Read().Contains("No person's name or variant begins with “Sedov”", StringComparison.Ordinal));
        notice.QuerySelectorAll("button").Single(b => (b.GetAttribute("aria-label") ?? "").StartsWith("Use Lev Sedov", StringComparison.Ordinal)).Click();
        Assert.EndsWith($"/list?personId={lev.Id}", _ctx.Navigation.Uri, StringComparison.Ordinal);

        Shell("/list?person=Sedov&kind=trial").Nodes.Button("Remove this name").Click();
        Assert.EndsWith("/list?kind=trial", _ctx.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_address_could_not_give_is_listed_until_dismissed()
    {
        var cut = Shell("/list?kind=trail&from=1938&to=1936&page=x");

        var notice = cut.FindAll("[role=status]").Single(n => n.GetAttribute("aria-label") == "Address notices");
        Assert.Equal([
            "The years were the wrong way round (from 1938 to 1936): showing 1936 to 1938.",
            $"Ignored: 'trail' is not a known kind; use one of: {string.Join(", ", FilterQuery.Kind.Choices)}.",
            "Ignored: 'page' must be a whole number from 1 to 1000000; got 'x'.",
        ], notice.QuerySelectorAll("li").Select(li => li.Read()));

        notice.QuerySelector("button[aria-label=Close]")!.Click();
        Assert.DoesNotContain(cut.FindAll("[role=status]"), n => n.GetAttribute("aria-label") == "Address notices");
    }

    [Fact]
    public void Clear_all_filters_is_offered_only_with_a_filter_and_goes_to_the_bare_view()
    {
        Assert.Throws<InvalidOperationException>(() => Shell("/list").Nodes.Button("Clear all filters"));

        Shell("/list?kind=trial&q=Moscow&page=3").Nodes.Button("Clear all filters").Click();

        Assert.EndsWith("/list", _ctx.Navigation.Uri, StringComparison.Ordinal);
    }
}
