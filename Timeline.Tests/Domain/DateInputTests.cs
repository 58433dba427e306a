using Timeline.Domain.Dates;

namespace Timeline.Tests.Domain;

public class DateInputTests
{
    [Theory]
    [InlineData("1929-10-15", "1929-10-15", null)]
    [InlineData("1929-10", "1929-10", null)]
    [InlineData("c. 1929", "1929~", null)]
    [InlineData("c.1929", "1929~", null)]
    [InlineData("circa 1929?", "1929%", null)]
    [InlineData("ca 1929-10", "1929-10~", null)]
    [InlineData("..1930", "../1930", null)]
    [InlineData("before 1930", "../1930", null)]
    [InlineData("1930..", "1930/..", null)]
    [InlineData("after Oct 1930", "1930-10/..", null)]
    [InlineData("15 Oct 1929", "1929-10-15", null)]
    [InlineData("October 1929", "1929-10", null)]
    [InlineData("Oct 15, 1929", "1929-10-15", null)]
    [InlineData("1929?", "1929?", null)]
    [InlineData("1936-08-19/1936-08-24", "1936-08-19", "1936-08-24")]
    [InlineData("1936-08-19 – 1936-08-24", "1936-08-19", "1936-08-24")]
    [InlineData("1929 to 1934", "1929", "1934")]
    [InlineData("../1930", "../1930", null)]
    [InlineData("1930-05/..", "1930-05/..", null)]
    public void Typed_dates_are_read_in_the_forms_historians_use(string typed, string start, string? end)
    {
        var result = DateInput.Parse(typed);

        Assert.Equal(start, result.Start.ToEdtf());
        Assert.Equal(end, result.End?.ToEdtf());
    }

    [Theory]
    [InlineData("25 Oct 1917 OS")]
    [InlineData("1917-10-25 (O.S.)")]
    [InlineData("1917-10-25 old style")]
    public void An_old_style_marker_makes_the_date_julian(string typed)
    {
        var date = DateInput.Parse(typed).Start;

        Assert.Equal(CalendarSystem.Julian, date.Calendar);
        Assert.Equal(new DateOnly(1917, 11, 7), date.Earliest);
    }

    [Theory]
    [InlineData("", "Enter a date")]
    [InlineData("yesterday", "not a date we can read")]
    [InlineData("1936-08-24/1936-08-19", "before its start")]
    [InlineData("1929-02-30", "has no day 30")]
    [InlineData("c. before 1930", "one qualifier at a time")]
    public void Unreadable_dates_explain_what_is_wrong(string typed, string message)
    {
        Assert.False(DateInput.TryParse(typed, CalendarSystem.Gregorian, out _, out var error));
        Assert.Contains(message, error, StringComparison.OrdinalIgnoreCase);
    }
}
