using Timeline.Domain.Dates;
using Timeline.Domain.Model;

namespace Timeline.Web.Components.Shared;

/// <summary>How enum values read on screen.</summary>
public static class Labels
{
    public static string Of(EventKind kind) => kind switch
    {
        EventKind.Exile => "Exile or deportation",
        EventKind.Meeting => "Meeting or congress",
        EventKind.Protest => "Strike or protest",
        _ => Sentence(kind.ToString()),
    };

    public static string Of(ParticipantRole role) => role switch
    {
        ParticipantRole.PresidingJudge => "presiding judge",
        ParticipantRole.Defence => "defence counsel",
        _ => Sentence(role.ToString()).ToLowerInvariant(),
    };

    public static string Of(SourceKind kind) => kind switch
    {
        SourceKind.WebPage => "Web page",
        _ => Sentence(kind.ToString()),
    };

    public static string Of(Stance stance) => stance switch
    {
        Stance.Supports => "supports",
        Stance.Contradicts => "contradicts",
        _ => "mentions",
    };

    public static string Of(ExpulsionScope scope) => scope switch
    {
        ExpulsionScope.CentralCommittee => "the Central Committee",
        ExpulsionScope.Party => "the party",
        ExpulsionScope.Country => "the country",
        _ => "another body",
    };

    public static string Of(ClaimStatus status) => status switch
    {
        ClaimStatus.Stated => "Stated",
        ClaimStatus.Attributed => "Attributed",
        _ => "Disputed",
    };

    /// <summary>What a claim status means, in a sentence.</summary>
    public static string Meaning(ClaimStatus status) => status switch
    {
        ClaimStatus.Stated => "A fact the sources state and none contradicts.",
        ClaimStatus.Attributed => "Rests on someone's testimony, confession, allegation or argument.",
        _ => "The sources disagree.",
    };

    public static string Of(DatePrecision precision) => precision + " precision";

    public static string Of(DateQualifier qualifier) => qualifier switch
    {
        DateQualifier.Exact => "exact",
        DateQualifier.Circa => "circa",
        DateQualifier.Uncertain => "uncertain",
        DateQualifier.CircaUncertain => "circa and uncertain",
        DateQualifier.Before => "before (at the latest)",
        _ => "after (at the earliest)",
    };

    public static string Of(CalendarSystem calendar) => calendar == CalendarSystem.Julian ? "Julian (Old Style)" : "Gregorian";

    /// <summary>"1 event", "2 events", "1,234 events": the count and its noun, singular for one.</summary>
    public static string Count(long n, string noun) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " " + Plural(n, noun);

    /// <summary>The noun for a count: "event" for one, "events" otherwise ("evidence link", "evidence links").</summary>
    public static string Plural(long n, string noun) => n == 1 ? noun : noun + "s";

    // "ArchivalDocument" -> "Archival document"
    private static string Sentence(string pascal)
    {
        var words = System.Text.RegularExpressions.Regex.Split(pascal, "(?<!^)(?=[A-Z])");
        return string.Join(' ', words.Select((w, i) => i == 0 ? w : w.ToLowerInvariant()));
    }
}
