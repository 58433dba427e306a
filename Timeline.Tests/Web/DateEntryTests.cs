using Timeline.Domain.Dates;
using Timeline.Web.Forms;

namespace Timeline.Tests.Web;

public class DateEntryTests
{
    [Theory]
    [InlineData("1929-10-15", "1929-10-15", DatePrecision.Day, DateQualifier.Exact, "15 Oct 1929", "15 Oct 1929", "sorts at 15 Oct 1929")]
    [InlineData("1929-10", "1929-10", DatePrecision.Month, DateQualifier.Exact, "Oct 1929", "1 Oct 1929 – 31 Oct 1929", "sorts at 1 Oct 1929")]
    [InlineData("c. 1929", "1929~", DatePrecision.Year, DateQualifier.Circa, "c. 1929", "1 Jan 1927 – 31 Dec 1931", "sorts at 1 Jan 1929")]
    [InlineData("c. 1937-03", "1937-03~", DatePrecision.Month, DateQualifier.Circa, "c. Mar 1937", "1 Feb 1937 – 30 Apr 1937", "sorts at 1 Mar 1937")]
    [InlineData("..1930", "../1930", DatePrecision.Year, DateQualifier.Before, "before 1930", "1 Jan 1920 – 31 Dec 1930", "sorts at 31 Dec 1930")]
    [InlineData("25 Oct 1917 OS", "1917-10-25", DatePrecision.Day, DateQualifier.Exact, "25 Oct (7 Nov) 1917", "7 Nov 1917", "sorts at 7 Nov 1917")]
    public void A_typed_single_date_gives_its_date_precision_qualifier_and_preview(string typed, string edtf, DatePrecision precision,
        DateQualifier qualifier, string display, string bounds, string sortsAt)
    {
        var entry = new DateEntry(allowRange: true);

        Assert.True(entry.Type(typed));

        Assert.Null(entry.Error);
        Assert.Equal(edtf, entry.Start!.ToEdtf());
        Assert.Null(entry.End);
        Assert.Equal(precision, entry.Precision);
        Assert.Equal(qualifier, entry.Qualifier);
        Assert.Equal(display, entry.Display);
        Assert.Equal(bounds, entry.Bounds);
        Assert.Equal(sortsAt, entry.SortsAt);
    }

    [Fact]
    public void A_range_sets_start_and_end_where_the_field_allows_it()
    {
        var entry = new DateEntry(allowRange: true);

        Assert.True(entry.Type("1936-08-19/1936-08-24"));

        Assert.Equal("1936-08-19", entry.Start!.ToEdtf());
        Assert.Equal("1936-08-24", entry.End!.ToEdtf());
        Assert.Equal("19 Aug 1936 – 24 Aug 1936", entry.Display);
        Assert.Equal("19 Aug 1936 – 24 Aug 1936", entry.Bounds);
        Assert.Equal("sorts at 19 Aug 1936", entry.SortsAt);
    }

    [Fact]
    public void A_range_in_a_single_date_field_is_refused_with_a_reason()
    {
        var entry = new DateEntry();
        Assert.False(entry.Type("1936-08-19/1936-08-24"));
        Assert.Equal("Give a single date here, not a range.", entry.Error);
        Assert.Null(entry.Start);
    }

    [Theory]
    [InlineData("1937-02-30", "Feb 1937 has no day 30.")]
    [InlineData("someday", "'someday' is not a date we can read.")]
    [InlineData("1936-08-24/1936-08-19", "The end of the range comes before its start.")]
    public void Unreadable_text_gives_the_reason_and_keeps_the_last_good_date(string typed, string message)
    {
        var entry = new DateEntry(allowRange: true);
        entry.Type("1937");

        Assert.False(entry.Type(typed));

        Assert.StartsWith(message, entry.Error, StringComparison.Ordinal);
        Assert.Equal("1937", entry.Start!.ToEdtf());
        Assert.Null(entry.Display);
        Assert.False(entry.CanAdjust);
    }

    [Fact]
    public void An_empty_required_field_asks_for_a_date_and_an_empty_optional_one_means_no_date()
    {
        var required = new DateEntry(required: true);
        required.Load(null, null);
        Assert.Equal(DateEntry.Missing, required.Error);

        var optional = new DateEntry();
        optional.Load(HistoricalDate.Create(1929), null);
        Assert.True(optional.Type(""));
        Assert.Null(optional.Start);
        Assert.Null(optional.Error);
    }

    [Fact]
    public void Changing_the_qualifier_rewrites_the_text_so_it_says_what_will_be_saved()
    {
        var entry = new DateEntry();
        entry.Type("1937-03");

        Assert.True(entry.SetQualifier(DateQualifier.Circa));
        Assert.Equal("c. 1937-03", entry.Text);
        Assert.Equal("1937-03~", entry.Start!.ToEdtf());

        Assert.True(entry.SetQualifier(DateQualifier.Before));
        Assert.Equal("before 1937-03", entry.Text);
        Assert.Equal("before Mar 1937", entry.Display);
    }

    [Fact]
    public void Changing_the_precision_drops_or_adds_day_and_month()
    {
        var entry = new DateEntry();
        entry.Type("c. 1929-10-15");

        Assert.True(entry.SetPrecision(DatePrecision.Year));
        Assert.Equal("c. 1929", entry.Text);
        Assert.True(entry.SetPrecision(DatePrecision.Day));
        Assert.Equal("c. 1929-01-01", entry.Text);
    }

    [Fact]
    public void Changing_the_calendar_keeps_the_day_as_written_and_moves_its_gregorian_meaning()
    {
        var entry = new DateEntry();
        entry.Type("1917-10-25");

        Assert.True(entry.SetCalendar(CalendarSystem.Julian));

        Assert.Equal("1917-10-25 OS", entry.Text);
        Assert.Equal("25 Oct (7 Nov) 1917", entry.Display);
        Assert.Equal("sorts at 7 Nov 1917", entry.SortsAt);
    }

    [Fact]
    public void A_calendar_change_the_day_cannot_take_leaves_the_date_and_says_why()
    {
        var entry = new DateEntry();
        entry.Type("1900-02-29 OS");

        Assert.False(entry.SetCalendar(CalendarSystem.Gregorian));

        Assert.Equal("1900-02-29 OS", entry.Text);
        Assert.Equal(CalendarSystem.Julian, entry.Calendar);
        Assert.Equal("Feb 1900 has no day 29.", entry.Notice);
    }

    [Theory]
    [InlineData("1929-10-15")]
    [InlineData("c. 1929")]
    [InlineData("1929?")]
    [InlineData("c. 1929-10?")]
    [InlineData("before 1930")]
    [InlineData("after 1930-05")]
    [InlineData("1936-08-19/1936-08-24")]
    [InlineData("1917-10-25 OS")]
    public void A_stored_date_is_written_in_a_form_that_reads_back_to_the_same_date(string typed)
    {
        var entry = new DateEntry(allowRange: true);
        entry.Type(typed);
        var (start, end) = (entry.Start, entry.End);

        var reloaded = new DateEntry(allowRange: true);
        reloaded.Load(start, end);
        reloaded.Type(reloaded.Text);

        Assert.Equal(start, reloaded.Start);
        Assert.Equal(end, reloaded.End);
    }
}
