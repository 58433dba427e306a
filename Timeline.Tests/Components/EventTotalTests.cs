using Bunit;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;
using Timeline.Web.Components.Shared;
using Timeline.Web.Components.Pages.Browse;

namespace Timeline.Tests.Components;

/// <summary>The count line says when a page's total is a bound, then counts the matches and shows the figure.</summary>
public sealed class EventTotalTests : IClassFixture<SeededDatabase>, IDisposable
{
    private readonly ComponentContext _ctx;
    private readonly SeededDatabase _data;

    public EventTotalTests(SeededDatabase data) => (_data, _ctx) = (data, new ComponentContext(data.Database));

    public void Dispose() => _ctx.Dispose();

    private IRenderedComponent<EventTotal> Render(EventFilter filter, int total, bool bound, List<int>? counted = null) =>
        _ctx.Render<EventTotal>(p => p.Add(x => x.Filter, filter).Add(x => x.Total, total).Add(x => x.IsLowerBound, bound)
            .Add(x => x.Counted, (int n) => counted?.Add(n)));

    [Fact]
    public async Task A_bound_is_said_as_one_until_the_matches_are_counted_and_then_the_figure_replaces_it()
    {
        var filter = new EventFilter { Text = "arrest" };
        var exact = await _data.Database.Get<EventQueries>().CountAsync(filter);
        Assert.True(exact > 1, "The seed should have several arrests.");
        var counted = new List<int>();

        // A page that stopped counting at one match (the real bound is 20,000; the seed is smaller).
        var cut = Render(filter, 1, bound: true, counted);

        cut.WaitForAssertion(() => Assert.Equal(Labels.Count(exact, "event"), cut.Markup.Trim()));
        Assert.Equal([exact], counted);
    }

    [Fact]
    public void An_exact_total_is_shown_as_it_is_and_nothing_is_counted()
    {
        var counted = new List<int>();
        var cut = Render(new EventFilter { Text = "arrest" }, 3, bound: false, counted);

        Assert.Equal("3 events", cut.Markup.Trim());
        Assert.Empty(counted);
    }
}
