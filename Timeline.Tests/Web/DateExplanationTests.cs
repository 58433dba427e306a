using Timeline.Domain.Dates;
using Timeline.Web.Components.Shared;

namespace Timeline.Tests.Web;

public class DateExplanationTests
{
    [Theory]
    [InlineData("1929-10-15", CalendarSystem.Gregorian, "Day precision · exact · Gregorian")]
    [InlineData("1929-10~", CalendarSystem.Gregorian, "Month precision · circa · Gregorian")]
    [InlineData("1929%", CalendarSystem.Gregorian, "Year precision · circa and uncertain · Gregorian")]
    [InlineData("../1930", CalendarSystem.Gregorian, "Year precision · before (at the latest) · Gregorian")]
    [InlineData("1930-05/..", CalendarSystem.Gregorian, "Month precision · after (at the earliest) · Gregorian")]
    [InlineData("1917-10-25~", CalendarSystem.Julian, "Day precision · circa · Julian (Old Style); Gregorian 7 Nov 1917")]
    [InlineData("1917-10-25?", CalendarSystem.Julian, "Day precision · uncertain · Julian (Old Style); Gregorian 7 Nov 1917")]
    [InlineData("1917-10", CalendarSystem.Julian, "Month precision · exact · Julian (Old Style); Gregorian 14 Oct 1917 – 13 Nov 1917")]
    [InlineData("1917", CalendarSystem.Julian, "Year precision · exact · Julian (Old Style); Gregorian 14 Jan 1917 – 13 Jan 1918")]
    public void A_date_is_described_by_precision_qualifier_and_calendar_with_the_gregorian_days_of_an_old_style_date(
        string edtf, CalendarSystem calendar, string expected)
    {
        Assert.Equal(expected, DateExplanation.Describe(HistoricalDate.ParseEdtf(edtf, calendar)));
    }

    [Fact]
    public void A_span_of_one_day_is_that_day()
    {
        Assert.Equal("7 Nov 1917", DateExplanation.Span(new DateOnly(1917, 11, 7), new DateOnly(1917, 11, 7)));
        Assert.Equal("31 Oct 1917 – 14 Nov 1917", DateExplanation.Span(new DateOnly(1917, 10, 31), new DateOnly(1917, 11, 14)));
    }
}
