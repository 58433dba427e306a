using System.Text.Json;
using System.Text.RegularExpressions;
using Timeline.Domain.Dates;

namespace Timeline.Domain.Seeding.Checks;

/// <summary>The checks that look at one event record at a time.</summary>
internal static partial class EventChecks
{
    /// <summary>The day Russia moved to the Gregorian calendar: 1 Feb 1918 Old Style.</summary>
    internal static readonly DateOnly CalendarSwitch = new(1918, 2, 14);

    private static readonly HashSet<string> TrialRoles = new(StringComparer.Ordinal) { "defendant", "presiding-judge", "judge", "prosecutor", "defence" };

    public static IEnumerable<SeedProblem> Check(EventEntry entry)
    {
        var (file, e) = entry;
        SeedProblem Problem(string check, string field, string text) => SeedChecker.Problem(check, file, e.Id, field, text);

        if (e.Kind == "other" && TrialReading(e) is { } why)
            yield return Problem("trial filed as other", "kind", $"looks like a trial filed as other ({why}): make it a trial (with a defendants note when no defendant is named), or give its people roles that fit what it is.");

        if (e.ClaimStatus == "disputed")
        {
            var contradicted = (e.Evidence ?? []).Any(x => x.Stance == "contradicts");
            var rivalDates = (e.DateClaims ?? []).Select(c => DateKey(c.Start, c.End)).Distinct().Count() > 1;
            if (!contradicted && !rivalDates)
                yield return Problem("dispute not recorded", "claimStatus", "disputed, but records no dispute: add the evidence that contradicts it (stance \"contradicts\") or the differing date claims, or give it the status its evidence supports.");
            if (e.Kind is "death" or "execution" && Responsibility().Match(e.Title + " " + e.Summary) is { Success: true } m)
                yield return Problem("dispute over who was responsible", "claimStatus", $"a disputed {e.Kind} that speaks of who was responsible (\"{m.Value}\"): the death itself is seldom in doubt; give it the status of the death, and make the claim about who was behind it an event of its own.");
        }

        foreach (var p in DateBasis(e)) yield return Problem("date without basis", p.Field, p.Text);
        foreach (var (field, value) in Dates(e))
            if (NeedsCalendar(value))
                yield return Problem("calendar not given", field, "a day or month before 14 Feb 1918 must say which calendar its source uses: { \"edtf\": \"1903-07-13\", \"calendar\": \"julian\" } (or \"gregorian\").");

        var claims = e.DateClaims ?? [];
        for (var i = 1; i < claims.Count; i++)
        {
            var same = claims.FindIndex(0, i, c => DateKey(c.Start, c.End) == DateKey(claims[i].Start, claims[i].End));
            if (same >= 0)
                yield return Problem("repeated date claim", $"dateClaims[{i}]", $"gives the same date as dateClaims[{same}]: keep one claim per date, and cite the other source as supporting evidence.");
        }
    }

    /// <summary>Rule 2 of issue 11: a date claim that cites the date, or a note on what it rests on and a qualified start.</summary>
    private static IEnumerable<(string Field, string Text)> DateBasis(EventRecord e)
    {
        if ((e.DateClaims ?? []).Count > 0) yield break;
        if (string.IsNullOrWhiteSpace(e.DateNote))
            yield return ("dateClaims", "the date rests on no source: add a date claim naming the source and locator that give it, or a \"dateNote\" saying what it rests on, with a qualified start (~, ?, %, ../x, x/..).");
        else if (SeedChecker.DateOf(e.Start).Date is { IsUncertain: false })
            yield return ("start", "has a dateNote but an exact start: a date no cited passage gives is qualified (~, ?, %, ../x, x/..).");
    }

    /// <summary>Every date of the record, with its field: start, end, date claims and evidence dates.</summary>
    private static IEnumerable<(string Field, JsonElement? Value)> Dates(EventRecord e)
    {
        yield return ("start", e.Start);
        yield return ("end", e.End);
        foreach (var (c, i) in (e.DateClaims ?? []).Select((c, i) => (c, i)))
        {
            yield return ($"dateClaims[{i}].start", c.Start);
            yield return ($"dateClaims[{i}].end", c.End);
        }
        foreach (var (x, i) in (e.Evidence ?? []).Select((x, i) => (x, i)))
            yield return ($"evidence[{i}].date", x.Date);
    }

    /// <summary>Rule 3: a day or month whose first day falls before the switch, written without a calendar.</summary>
    internal static bool NeedsCalendar(JsonElement? value) =>
        SeedChecker.DateOf(value) is ({ Precision: not DatePrecision.Year } date, false)
        && new DateOnly(date.Year, date.Month!.Value, date.Day ?? 1) < CalendarSwitch;

    private static string DateKey(JsonElement start, JsonElement? end) =>
        ImportExport.DatasetRecords.DateOf(start) + "/" + ImportExport.DatasetRecords.DateOf(end);

    /// <summary>Why an event filed as other reads as a trial, or null.</summary>
    internal static string? TrialReading(EventRecord e)
    {
        if ((e.Participants ?? []).Any(p => TrialRoles.Contains(p.Role) || p.Verdict is not null || p.Sentence is not null))
            return "it has defendants, judges, a prosecutor or a verdict";
        if (TrialTitle().Match(e.Title) is { Success: true } t) return $"its title says \"{t.Value.Trim()}\"";
        if (TriedByCourt().Match(e.Summary ?? "") is { Success: true } s) return $"its summary says \"{s.Value}\"";
        return null;
    }

    // "Shakhty trial of ...", "Trial of the Union Bureau", "... tried for sabotage", "Verdict in ...": the trial is
    // the subject. Not "... at the trial", "Molotov on the trials": the event happens at or about one.
    [GeneratedRegex(@"\b(tried|sentenced|acquitted|verdict)\b|^(the\s+)?([\w'’-]+\s+){0,3}trials?(\s+of\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex TrialTitle();

    [GeneratedRegex(@"\b(tried|sentenced|acquitted|convicted)\s+(by|before)\s+(the\s+|a\s+)?([\w'’-]+\s+){0,4}(court|tribunal|collegium|judges?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TriedByCourt();

    [GeneratedRegex(@"\b(ordered|on (\w+ )?orders?|behind (it|the \w+)|responsib\w+|instigat\w+|who (ordered|was behind))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Responsibility();
}
