using System.Text.RegularExpressions;

namespace Timeline.Domain.Seeding.Checks;

/// <summary>The checks on person records: names hold names only, and life dates are kept, however loose.</summary>
internal static partial class PersonChecks
{
    public static IEnumerable<SeedProblem> Check(PersonRecord p)
    {
        SeedProblem Problem(string check, string field, string text) => SeedChecker.Problem(check, "persons.json", p.Id, field, text);

        foreach (var (v, i) in (p.Variants ?? []).Select((v, i) => (v, i)))
            if (EditorialRemark().IsMatch(v.Name))
                yield return Problem("remark in a name", $"variants[{i}]", $"\"{v.Name}\" holds an editorial remark: write the name alone, and the remark as its note: {{ \"name\": \"...\", \"note\": \"...\" }}.");

        var (born, _) = SeedChecker.DateOf(p.Born);
        var (died, _) = SeedChecker.DateOf(p.Died);
        if (!string.IsNullOrWhiteSpace(p.LifeDatesNote) && born is null && died is null)
            yield return Problem("life dates", "lifeDatesNote", "explains life dates the person does not have: give \"born\" or \"died\" as well (uncertain forms are fine: 1895~, 1894?, ../1900).");
        foreach (var (field, value) in new[] { ("born", p.Born), ("died", p.Died) })
            if (EventChecks.NeedsCalendar(value))
                yield return Problem("calendar not given", field, "a day or month before 14 Feb 1918 must say which calendar its source uses: { \"edtf\": \"1889-02-13\", \"calendar\": \"julian\" } (or \"gregorian\").");

        // Life years the description gives but the record lacks: "born 1894", "birth year as 1894", "died in 1937", "(1889–1945)".
        foreach (Match m in LifeYears().Matches(p.Description ?? ""))
        {
            var birth = m.Groups["born"].Success ? m.Groups["born"].Value : m.Groups["from"].Success ? m.Groups["from"].Value : null;
            var death = m.Groups["died"].Success ? m.Groups["died"].Value : m.Groups["to"].Success ? m.Groups["to"].Value : null;
            if (birth is not null && born is null)
                yield return Problem("life dates", "born", $"the description gives a birth year (\"{m.Value.Trim()}\") but \"born\" is empty: keep it, as an uncertain date with a lifeDatesNote if the source is loose.");
            if (death is not null && died is null)
                yield return Problem("life dates", "died", $"the description gives a death year (\"{m.Value.Trim()}\") but \"died\" is empty: keep it, as an uncertain date with a lifeDatesNote if the source is loose.");
        }
    }

    [GeneratedRegex(@"[()\[\]]|\b(misprint(ed)?|as printed|sic|typo|mistransl\w*|misspel\w*|codename|alias|as \w+ calls? (him|her))\b", RegexOptions.IgnoreCase)]
    private static partial Regex EditorialRemark();

    [GeneratedRegex(@"\b(born|birth\s+year\s+(as|is|was)?)\s*(in\s+|c\.\s*|about\s+|around\s+)?(?<born>1[6-9]\d\d)\b|\bdied\s+(in\s+|c\.\s*|about\s+|around\s+)?(?<died>1[6-9]\d\d)\b|\((?<from>1[6-9]\d\d)\s*[–-]\s*(?<to>1[6-9]\d\d|20\d\d)\)", RegexOptions.IgnoreCase)]
    private static partial Regex LifeYears();
}
