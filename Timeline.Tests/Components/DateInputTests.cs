using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Tests.Support;
using Timeline.Web.Components.Shared;

namespace Timeline.Tests.Components;

/// <summary>The date input: what a typed date will display and sort as, and why a date cannot be read.</summary>
public sealed class DateInputTests : IDisposable
{
    private readonly ComponentContext _ctx = new();
    private readonly Person _person = new();
    private HistoricalDate? _bound;

    public void Dispose() => _ctx.Dispose();

    private IRenderedComponent<CascadingValue<EditContext>> Render() =>
        _ctx.Render<CascadingValue<EditContext>>(p => p
            .Add(c => c.Value, new EditContext(_person))
            .AddChildContent<HistoricalDateInput>(d => d
                .Add(x => x.Id, "person-born").Add(x => x.Label, "Born").Add(x => x.For, () => _person.Born)
                .Add(x => x.Value, _person.Born).Add(x => x.ValueChanged, (HistoricalDate? v) => _bound = v)));

    private static string Preview(IRenderedComponent<CascadingValue<EditContext>> cut) =>
        cut.Find($"#{cut.Nodes.Field("Born").GetAttribute("aria-describedby")}").Read();

    [Fact]
    public void Typing_a_circa_year_previews_how_it_displays_what_it_can_mean_and_where_it_sorts()
    {
        var cut = Render();
        Assert.Equal("No date.", Preview(cut));

        cut.Nodes.Field("Born").Input("c. 1929");

        Assert.Equal("Displays as c. 1929; can mean 1 Jan 1927 – 31 Dec 1931; sorts at 1 Jan 1929.", Preview(cut));
        Assert.Equal(HistoricalDate.Create(1929, qualifier: DateQualifier.Circa), _bound);
    }

    [Fact]
    public void An_impossible_day_says_why_once_the_field_is_left_and_keeps_the_last_date_read()
    {
        var cut = Render();
        var born = cut.Nodes.Field("Born");
        born.Input("1937-02-28");
        cut.Nodes.Field("Born").Input("1937-02-30");

        Assert.DoesNotContain("Displays as", Preview(cut), StringComparison.Ordinal);
        Assert.DoesNotContain("no day 30", cut.Nodes.Field("Born").FieldText(), StringComparison.Ordinal);

        cut.Nodes.Field("Born").Blur();

        Assert.Contains("Feb 1937 has no day 30.", cut.Nodes.Field("Born").FieldText(), StringComparison.Ordinal);
        Assert.Equal("true", cut.Nodes.Field("Born").GetAttribute("aria-invalid"));
        // Read out with the field: the message is the first thing that describes it.
        var described = cut.Nodes.Field("Born").GetAttribute("aria-describedby")!.Split(' ');
        Assert.Equal("Feb 1937 has no day 30.", cut.Find($"#{described[0]}").Read());
        Assert.Equal(HistoricalDate.Create(1937, 2, 28), _bound);
    }
}
