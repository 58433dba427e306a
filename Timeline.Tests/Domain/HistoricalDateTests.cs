using System.Globalization;
using Timeline.Domain.Dates;

namespace Timeline.Tests.Domain;

public class HistoricalDateTests
{
    [Theory]
    [InlineData("1929", DatePrecision.Year, DateQualifier.Exact)]
    [InlineData("1929-10", DatePrecision.Month, DateQualifier.Exact)]
    [InlineData("1929-10-15", DatePrecision.Day, DateQualifier.Exact)]
    [InlineData("1929~", DatePrecision.Year, DateQualifier.Circa)]
    [InlineData("1929-10?", DatePrecision.Month, DateQualifier.Uncertain)]
    [InlineData("1929-10-15%", DatePrecision.Day, DateQualifier.CircaUncertain)]
    [InlineData("../1930", DatePrecision.Year, DateQualifier.Before)]
    [InlineData("1930-05/..", DatePrecision.Month, DateQualifier.After)]
    public void Edtf_text_parses_to_its_precision_and_qualifier_and_formats_back_unchanged(string edtf, DatePrecision precision, DateQualifier qualifier)
    {
        var date = HistoricalDate.ParseEdtf(edtf);

        Assert.Equal(precision, date.Precision);
        Assert.Equal(qualifier, date.Qualifier);
        Assert.Equal(edtf, date.ToEdtf());
    }

    [Theory]
    [InlineData("1929-13")]
    [InlineData("1929-02-30")]
    [InlineData("1930-02-29")]
    [InlineData("29-10")]
    [InlineData("1929-1-5")]
    [InlineData("")]
    [InlineData("October 1929")]
    [InlineData("1929-10-15?/..")]
    [InlineData("1929-21")]
    [InlineData("0000")]
    public void Invalid_edtf_is_refused_with_a_reason(string edtf)
    {
        Assert.False(HistoricalDate.TryParseEdtf(edtf, CalendarSystem.Gregorian, out var date, out var error));
        Assert.Null(date);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void A_julian_date_is_kept_as_written_and_converted_to_gregorian()
    {
        var october = HistoricalDate.Create(1917, 10, 25, calendar: CalendarSystem.Julian);

        Assert.Equal(25, october.Day);
        Assert.Equal(new DateOnly(1917, 11, 7), october.Earliest);
        Assert.Equal(new DateOnly(1917, 11, 7), october.Latest);
        Assert.Equal("25 Oct (7 Nov) 1917", october.Display);
        Assert.Equal("1917-10-25", october.ToEdtf());
    }

    [Fact]
    public void A_julian_date_whose_gregorian_day_falls_in_the_next_year_shows_both_years()
    {
        var date = HistoricalDate.Create(1917, 12, 20, calendar: CalendarSystem.Julian);

        Assert.Equal(new DateOnly(1918, 1, 2), date.Earliest);
        Assert.Equal("20 Dec 1917 (2 Jan 1918)", date.Display);
    }

    [Fact]
    public void A_julian_date_in_the_same_gregorian_month_shows_the_day_pair()
    {
        var date = HistoricalDate.Create(1918, 1, 31, calendar: CalendarSystem.Julian);

        Assert.Equal(new DateOnly(1918, 2, 13), date.Earliest);
        Assert.Equal("31 Jan (13 Feb) 1918", date.Display);
        Assert.Equal("1 (14) Feb 1918", HistoricalDate.Create(1918, 2, 1, calendar: CalendarSystem.Julian).Display);
    }

    [Fact]
    public void The_julian_calendar_has_a_leap_day_in_1900_and_the_gregorian_does_not()
    {
        Assert.True(HistoricalDate.TryCreate(1900, 2, 29, DateQualifier.Exact, CalendarSystem.Julian, out var julian, out _));
        Assert.Equal(new DateOnly(1900, 3, 13), julian!.Earliest);
        Assert.False(HistoricalDate.TryCreate(1900, 2, 29, DateQualifier.Exact, CalendarSystem.Gregorian, out _, out _));
    }

    [Fact]
    public void A_julian_month_spans_its_gregorian_equivalent()
    {
        var month = HistoricalDate.ParseEdtf("1917-10", CalendarSystem.Julian);

        Assert.Equal(new DateOnly(1917, 10, 14), month.Earliest);
        Assert.Equal(new DateOnly(1917, 11, 13), month.Latest);
        Assert.Equal("Oct 1917 (OS)", month.Display);
    }

    [Theory]
    [InlineData("1929", "1929-01-01", "1929-12-31", "1929-01-01")]
    [InlineData("1929-02", "1929-02-01", "1929-02-28", "1929-02-01")]
    [InlineData("1929-10-15", "1929-10-15", "1929-10-15", "1929-10-15")]
    [InlineData("1929~", "1927-01-01", "1931-12-31", "1929-01-01")]
    [InlineData("1929-10~", "1929-09-01", "1929-11-30", "1929-10-01")]
    [InlineData("1929-10-15?", "1929-10-08", "1929-10-22", "1929-10-15")]
    [InlineData("1929%", "1925-01-01", "1933-12-31", "1929-01-01")]
    [InlineData("../1930", "1920-01-01", "1930-12-31", "1930-12-31")]
    [InlineData("1930/..", "1930-01-01", "1940-12-31", "1930-01-01")]
    [InlineData("1917-11~", "1917-10-01", "1917-12-31", "1917-11-01")]
    [InlineData("1935-02~", "1935-01-01", "1935-03-31", "1935-02-01")]
    [InlineData("1935-04%", "1935-02-01", "1935-06-30", "1935-04-01")]
    [InlineData("1931-02/..", "1931-02-01", "1932-02-29", "1931-02-01")]
    [InlineData("../1932-02", "1931-02-01", "1932-02-29", "1932-02-29")]
    public void Bounds_cover_every_day_the_date_can_mean_and_the_sort_key_sits_at_its_anchor(string edtf, string earliest, string latest, string sort)
    {
        var date = HistoricalDate.ParseEdtf(edtf);

        Assert.Equal(DateOnly.Parse(earliest, CultureInfo.InvariantCulture), date.Earliest);
        Assert.Equal(DateOnly.Parse(latest, CultureInfo.InvariantCulture), date.Latest);
        Assert.Equal(DateOnly.Parse(sort, CultureInfo.InvariantCulture), date.SortKey);
    }

    [Theory]
    [InlineData("1929~", "c. 1929")]
    [InlineData("1929-10", "Oct 1929")]
    [InlineData("../1930", "before 1930")]
    [InlineData("1930/..", "after 1930")]
    [InlineData("1929-10-15", "15 Oct 1929")]
    [InlineData("1929?", "1929?")]
    [InlineData("1929-10%", "c. Oct 1929?")]
    public void Display_reads_the_way_historians_write(string edtf, string display)
    {
        Assert.Equal(display, HistoricalDate.ParseEdtf(edtf).Display);
    }

    [Fact]
    public void Before_and_after_dates_sort_at_their_bounds()
    {
        var dates = new[] { "1931", "../1930", "1929-06", "1930/..", "1930-06-01" }.Select(s => HistoricalDate.ParseEdtf(s));

        var order = dates.OrderBy(d => d.SortKey).Select(d => d.ToEdtf());

        Assert.Equal(["1929-06", "1930/..", "1930-06-01", "../1930", "1931"], order);
    }

    [Theory]
    [InlineData("1929-10-15")]
    [InlineData("julian:1917-10-25")]
    [InlineData("julian:1917~")]
    [InlineData("../1930")]
    public void Storage_form_round_trips_including_the_calendar(string stored)
    {
        var date = HistoricalDate.FromStorage(stored);

        Assert.Equal(stored, date.ToStorage());
        Assert.Equal(stored.StartsWith("julian:", StringComparison.Ordinal) ? CalendarSystem.Julian : CalendarSystem.Gregorian, date.Calendar);
    }

    [Fact]
    public void Equal_dates_are_equal_values()
    {
        Assert.Equal(HistoricalDate.ParseEdtf("1929-10"), HistoricalDate.Create(1929, 10));
        Assert.NotEqual(HistoricalDate.ParseEdtf("1929-10"), HistoricalDate.ParseEdtf("1929-10", CalendarSystem.Julian));
    }

    public static TheoryData<CalendarSystem, DateQualifier> CalendarsAndQualifiers()
    {
        var data = new TheoryData<CalendarSystem, DateQualifier>();
        foreach (var calendar in Enum.GetValues<CalendarSystem>())
            foreach (var qualifier in Enum.GetValues<DateQualifier>())
                data.Add(calendar, qualifier);
        return data;
    }

    [Theory]
    [MemberData(nameof(CalendarsAndQualifiers))]
    public void A_month_widened_by_k_months_runs_from_the_first_day_k_months_before_to_the_last_day_k_months_after(
        CalendarSystem calendar, DateQualifier qualifier)
    {
        // The expected bounds come from .NET's own calendar arithmetic, in the date's calendar: the first day of
        // the month k months away, and the day before the first day of the month after the last one.
        System.Globalization.Calendar cal = calendar == CalendarSystem.Julian ? new JulianCalendar() : new GregorianCalendar();
        var (before, after) = qualifier switch
        {
            DateQualifier.Circa or DateQualifier.Uncertain => (1, 1),
            DateQualifier.CircaUncertain => (2, 2),
            DateQualifier.Before => (12, 0),
            DateQualifier.After => (0, 12),
            _ => (0, 0),
        };
        for (var year = 1800; year <= 2000; year++)
            for (var month = 1; month <= 12; month++)
            {
                var firstOfMonth = cal.ToDateTime(year, month, 1, 0, 0, 0, 0);
                var earliest = DateOnly.FromDateTime(cal.AddMonths(firstOfMonth, -before));
                var latest = DateOnly.FromDateTime(cal.AddMonths(firstOfMonth, after + 1).AddDays(-1));

                var date = HistoricalDate.Create(year, month, qualifier: qualifier, calendar: calendar);

                Assert.True(earliest == date.Earliest && latest == date.Latest,
                    $"{date.ToStorage()}: {date.Earliest}–{date.Latest}, expected {earliest}–{latest}");
            }
    }

    [Theory]
    [MemberData(nameof(CalendarsAndQualifiers))]
    public void A_year_widened_by_k_years_runs_from_its_first_day_k_years_before_to_its_last_day_k_years_after(
        CalendarSystem calendar, DateQualifier qualifier)
    {
        System.Globalization.Calendar cal = calendar == CalendarSystem.Julian ? new JulianCalendar() : new GregorianCalendar();
        var (before, after) = qualifier switch
        {
            DateQualifier.Circa or DateQualifier.Uncertain => (2, 2),
            DateQualifier.CircaUncertain => (4, 4),
            DateQualifier.Before => (10, 0),
            DateQualifier.After => (0, 10),
            _ => (0, 0),
        };
        for (var year = 1800; year <= 2000; year++)
        {
            var earliest = DateOnly.FromDateTime(cal.ToDateTime(year - before, 1, 1, 0, 0, 0, 0));
            var latest = DateOnly.FromDateTime(cal.ToDateTime(year + after + 1, 1, 1, 0, 0, 0, 0).AddDays(-1));

            var date = HistoricalDate.Create(year, qualifier: qualifier, calendar: calendar);

            Assert.True(earliest == date.Earliest && latest == date.Latest,
                $"{date.ToStorage()}: {date.Earliest}–{date.Latest}, expected {earliest}–{latest}");
        }
    }
}
