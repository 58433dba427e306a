using Timeline.Domain.Text;

namespace Timeline.Domain.Model;

public static class PersonNameList
{
    /// <summary>Rebuilds a person's searchable names: the display name first, then distinct variants.</summary>
    public static void SetNames(this Person person, IEnumerable<string> variants)
    {
        var wanted = new List<string> { person.Name.Trim() };
        foreach (var v in variants.Select(v => v.Trim()).Where(v => v.Length > 0))
            if (!wanted.Contains(v, StringComparer.Ordinal)) wanted.Add(v);
        person.Names.RemoveAll(n => !wanted.Contains(n.Name, StringComparer.Ordinal));
        foreach (var (name, i) in wanted.Select((n, i) => (n, i)))
        {
            var row = person.Names.FirstOrDefault(n => n.Name == name);
            if (row is null) person.Names.Add(row = new PersonName { Name = name });
            row.Folded = NameFolding.Fold(name);
            row.IsPrimary = i == 0;
        }
    }

    public static IEnumerable<string> Variants(this Person person) =>
        person.Names.Where(n => !n.IsPrimary).Select(n => n.Name);
}
