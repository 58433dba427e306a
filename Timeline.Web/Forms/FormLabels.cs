using Timeline.Domain.Curation;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;

namespace Timeline.Web.Forms;

/// <summary>How the curation forms name things: date controls, claim statuses with their meaning, revision actions.</summary>
public static class FormLabels
{
    public static string Of(DatePrecision precision) => precision switch
    {
        DatePrecision.Year => "Year",
        DatePrecision.Month => "Month",
        _ => "Day",
    };

    public static string Of(DateQualifier qualifier) => qualifier switch
    {
        DateQualifier.Exact => "Exact",
        DateQualifier.Circa => "Circa (c.)",
        DateQualifier.Uncertain => "Uncertain (?)",
        DateQualifier.CircaUncertain => "Circa, uncertain",
        DateQualifier.Before => "Before (at the latest)",
        _ => "After (at the earliest)",
    };

    public static string Of(CalendarSystem calendar) => calendar == CalendarSystem.Julian ? "Julian (Old Style)" : "Gregorian";

    /// <summary>What choosing a claim status says about the event, for the curator choosing it.</summary>
    public static string Meaning(ClaimStatus status) => status switch
    {
        ClaimStatus.Stated => "The sources state it as fact and none contradicts it.",
        ClaimStatus.Attributed => "It rests on someone's word: testimony, a confession, an allegation or an argument.",
        _ => "The sources disagree about it; the evidence shows who says what.",
    };

    public static string Of(RevisionAction action) => action switch
    {
        RevisionAction.Created => "created",
        RevisionAction.Updated => "edited",
        RevisionAction.Deleted => "deleted",
        RevisionAction.Restored => "restored from the trash",
        RevisionAction.Reverted => "restored an earlier revision",
        RevisionAction.Merged => "merged into another person",
        RevisionAction.Absorbed => "merged another person in",
        _ => "merge undone",
    };

    /// <summary>A stored UTC moment as curators read it: "21 Nov 2026 12:54 UTC".</summary>
    public static string When(DateTime utc) => utc.ToString("d MMM yyyy HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    public static string OfEntity(string entityType) => entityType switch
    {
        EntityTypes.Event => "Event",
        EntityTypes.Person => "Person",
        _ => "Source",
    };
}
