using Timeline.Domain.Text;

namespace Timeline.Domain.Model;

/// <summary>A spelling a person is found under, with an optional editorial remark that is shown but never searched.</summary>
public sealed record NameVariant(string Name, string? Note = null);

public static class PersonNameList
{
    /// <summary>
    /// Rebuilds a person's searchable names: the display name first, then distinct variants, each with its note.
    /// A name kept from before keeps its row (and its words when its folded form is unchanged).
    /// </summary>
    public static void SetNameVariants(this Person person, IEnumerable<NameVariant> variants)
    {
        var wanted = new List<NameVariant> { new(person.Name.Trim()) };
        foreach (var v in variants.Select(v => v with { Name = v.Name.Trim(), Note = Clean(v.Note) }).Where(v => v.Name.Length > 0))
            if (!wanted.Any(w => w.Name == v.Name)) wanted.Add(v);
        person.Names.RemoveAll(n => !wanted.Any(w => w.Name == n.Name));
        foreach (var (variant, i) in wanted.Select((n, i) => (n, i)))
        {
            var row = person.Names.FirstOrDefault(n => n.Name == variant.Name);
            if (row is null) person.Names.Add(row = new PersonName { Name = variant.Name });
            var folded = NameFolding.Fold(variant.Name);
            if (row.Folded != folded || row.Words.Count == 0) row.Words = WordsOf(folded);
            row.Folded = folded;
            row.IsPrimary = i == 0;
            // The display name's remark, if any, lives in the description; a variant's in its note.
            row.Note = i == 0 ? null : variant.Note;
        }
    }

    /// <summary>Same, from plain spellings: names the person already has keep their notes.</summary>
    public static void SetNames(this Person person, IEnumerable<string> variants) =>
        person.SetNameVariants(variants.Select(v => new NameVariant(v, person.Names.FirstOrDefault(n => n.Name == v.Trim())?.Note)).ToList());

    public static IEnumerable<string> Variants(this Person person) =>
        person.Names.Where(n => !n.IsPrimary).Select(n => n.Name);

    public static IEnumerable<NameVariant> VariantsWithNotes(this Person person) =>
        person.Names.Where(n => !n.IsPrimary).Select(n => new NameVariant(n.Name, n.Note));

    /// <summary>The distinct words of a folded name.</summary>
    public static List<PersonNameWord> WordsOf(string folded) =>
        folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)
            .Select(w => new PersonNameWord { Word = w }).ToList();

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
