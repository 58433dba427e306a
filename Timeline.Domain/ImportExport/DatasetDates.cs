using System.Text.Json;
using Timeline.Domain.Dates;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// Dates as the dataset records hold them: an EDTF string, or <c>{ "edtf", "calendar": "julian" }</c> for Old
/// Style dates (seed/README.md). CSV cells write the calendar as a prefix instead: <c>julian:1917-10-25</c>.
/// </summary>
public static class DatasetDates
{
    private const string JulianPrefix = "julian:";
    private const string GregorianPrefix = "gregorian:";

    public static JsonElement ToElement(HistoricalDate date) => ToElement(date.ToEdtf(), date.Calendar);

    public static JsonElement? ToOptionalElement(HistoricalDate? date) => date is null ? null : ToElement(date);

    /// <summary>The record form of an EDTF text in a calendar; the text itself is checked later, by the builder.</summary>
    public static JsonElement ToElement(string edtf, CalendarSystem calendar) => calendar == CalendarSystem.Julian
        ? JsonSerializer.SerializeToElement(new JulianDate(edtf, "julian"), DateJson)
        : JsonSerializer.SerializeToElement(edtf, DateJson);

    /// <summary>A CSV date cell: EDTF with an optional <c>julian:</c> or <c>gregorian:</c> prefix that overrides the default calendar.</summary>
    public static JsonElement? FromCell(string? cell, CalendarSystem calendar = CalendarSystem.Gregorian)
    {
        if (string.IsNullOrWhiteSpace(cell)) return null;
        var text = cell.Trim();
        if (text.StartsWith(JulianPrefix, StringComparison.OrdinalIgnoreCase)) return ToElement(text[JulianPrefix.Length..].Trim(), CalendarSystem.Julian);
        if (text.StartsWith(GregorianPrefix, StringComparison.OrdinalIgnoreCase)) return ToElement(text[GregorianPrefix.Length..].Trim(), CalendarSystem.Gregorian);
        return ToElement(text, calendar);
    }

    /// <summary>A date for a CSV cell; the prefix only when the calendar differs from the column's default.</summary>
    public static string ToCell(HistoricalDate date, CalendarSystem columnCalendar = CalendarSystem.Gregorian) =>
        ToCell(date.ToEdtf(), date.Calendar, columnCalendar);

    public static string ToCell(string edtf, CalendarSystem calendar, CalendarSystem columnCalendar = CalendarSystem.Gregorian) =>
        calendar == columnCalendar ? edtf : (calendar == CalendarSystem.Julian ? JulianPrefix : GregorianPrefix) + edtf;

    private static readonly JsonSerializerOptions DateJson = new(JsonSerializerDefaults.Web);

    private sealed record JulianDate(string Edtf, string Calendar);
}
