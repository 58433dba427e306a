using Bunit;
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

    public FilterBarTests(SeededDatabase data) => _ctx = new ComponentContext(data.Database);

    public void Dispose() => _ctx.Dispose();

    private IRenderedComponent<FilterBar> Render(EventFilter filter) =>
        _ctx.Render<FilterBar>(p => p.Add(x => x.Filter, filter).Add(x => x.MinYear, 1900).Add(x => x.MaxYear, 1960)
            .Add(x => x.FilterChanged, (EventFilter f) => _raised.Add(f)));

    [Fact]
    public void Searching_raises_the_filter_with_the_new_text_and_the_other_filters_kept()
    {
        var cut = Render(Start);

        cut.Nodes.Field("Search text").Change("  Lubyanka  ");
        cut.Find("form[role=search]").Submit();

        Assert.Equal([Start with { Text = "Lubyanka" }], _raised);
    }

    [Fact]
    public void Searching_for_the_same_text_raises_nothing_and_an_emptied_box_drops_the_text()
    {
        var cut = Render(Start);
        cut.Find("form[role=search]").Submit();
        Assert.Empty(_raised);

        cut.Nodes.Field("Search text").Change(" ");
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
    public void A_year_typed_in_the_range_raises_it_and_a_year_at_the_end_of_the_scale_means_no_limit()
    {
        var cut = Render(Start);

        cut.Nodes.Field("From year").Change("1936");
        cut.Nodes.Field("To year").Change("1960");

        Assert.Equal([Start with { FromYear = 1936 }], _raised);
    }

    [Fact]
    public void Clear_all_filters_raises_the_empty_filter_and_is_offered_only_when_something_is_filtered()
    {
        var cut = Render(Start);
        cut.Nodes.Button("Clear all filters").Click();
        Assert.Equal([new EventFilter()], _raised);

        var empty = Render(new EventFilter());
        Assert.DoesNotContain(empty.FindAll("button"), b => b.Read() == "Clear all filters");
    }
}
