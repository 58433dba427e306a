using Bunit;
using MudBlazor;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;
using Timeline.Web.Components.Pages.Browse;

namespace Timeline.Tests.Components;

/// <summary>The filter bar raises each change as the whole new filter, and stays quiet when nothing changed.</summary>
public sealed class FilterBarTests : IClassFixture<SeededDatabase>, IDisposable
{
    private static readonly EventFilter Start = new() { PersonNames = ["Blumkin", "Trotsky"], Kinds = [EventKind.Arrest], Text = "OGPU" };

    private readonly ComponentContext _ctx;
    private readonly List<EventFilter> _raised = [];

    public FilterBarTests(SeededDatabase data)
    {
        _ctx = new ComponentContext(data.Database);
        _ctx.Render<MudPopoverProvider>();
    }

    public void Dispose() => _ctx.Dispose();

    private IRenderedComponent<FilterBar> Render(EventFilter filter) =>
        _ctx.Render<FilterBar>(p => p.Add(x => x.Filter, filter).Add(x => x.FilterChanged, (EventFilter f) => _raised.Add(f)));

    [Fact]
    public void Searching_raises_the_filter_with_the_new_text_and_the_other_filters_kept()
    {
        var cut = Render(Start);

        cut.Nodes.Field("Search text").Input("  Lubyanka  ");
        cut.Find("form[role=search]").Submit();

        Assert.Equal([Start with { Text = "Lubyanka" }], _raised);
    }

    [Fact]
    public void Searching_for_the_same_text_raises_nothing_and_an_emptied_box_drops_the_text()
    {
        var cut = Render(Start);
        cut.Find("form[role=search]").Submit();
        Assert.Empty(_raised);

        cut.Nodes.Field("Search text").Input(" ");
        cut.Find("form[role=search]").Submit();
        Assert.Equal([Start with { Text = null }], _raised);
    }

    [Fact]
    public void Removing_a_name_chip_raises_the_filter_without_that_name()
    {
        var cut = Render(Start);

        cut.Nodes.Button("Remove the name filter Blumkin").Click();

        Assert.Equal([Start with { PersonNames = ["Trotsky"] }], _raised);
    }

    [Fact]
    public void A_year_typed_raises_it_and_years_typed_the_wrong_way_round_are_swapped()
    {
        var cut = Render(Start);
        cut.Nodes.Field("From year").Change("1936");
        Assert.Equal([Start with { FromYear = 1936 }], _raised);

        Render(Start with { FromYear = 1936 }).Nodes.Field("To year").Change("1929");
        Assert.Equal(Start with { FromYear = 1929, ToYear = 1936 }, _raised[^1]);
    }

    [Fact]
    public void Claim_statuses_are_toggle_buttons_raised_in_a_fixed_order()
    {
        var cut = Render(Start with { Statuses = [ClaimStatus.Disputed] });
        var group = cut.Find("[role=group][aria-label='Claim status']");
        Assert.Equal(["Stated:false", "Attributed:false", "Disputed:true"],
            group.QuerySelectorAll("button").Select(b => $"{b.Read()}:{b.GetAttribute("aria-pressed")}"));

        group.QuerySelectorAll("button").Single(b => b.Read() == "Stated").Click();

        Assert.Equal([Start with { Statuses = [ClaimStatus.Stated, ClaimStatus.Disputed] }], _raised);
    }

    [Fact]
    public void On_a_phone_the_filters_fold_behind_a_button_that_counts_them()
    {
        var cut = Render(Start with { FromYear = 1929, ToYear = 1930 });
        var toggle = cut.Nodes.Button("Filters (5)");
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));

        toggle.Click();

        Assert.Equal("true", cut.Nodes.Button("Filters (5)").GetAttribute("aria-expanded"));
        Assert.Contains("tl-open", cut.Find("section[aria-label=Filters]").ClassName);
        Assert.Equal("Filters", Render(new EventFilter()).FindAll("button")[0].Read());
    }
}
