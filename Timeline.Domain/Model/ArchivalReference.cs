using System.Text;
using System.Text.RegularExpressions;

namespace Timeline.Domain.Model;

/// <summary>
/// A Russian archival reference: archive, fond (f.), opis (op.), delo (d.), volume (t.) and list/pages (l.),
/// formatted the way historians cite it: "RGASPI f. 17 op. 171 d. 136 l. 94-126".
/// </summary>
public sealed partial record ArchivalReference(string Archive, string? Fond, string? Opis, string? Delo,
    string? Volume = null, string? Pages = null)
{
    public override string ToString()
    {
        var sb = new StringBuilder(Archive.Trim());
        Append(sb, "f.", Fond);
        Append(sb, "op.", Opis);
        Append(sb, "d.", Delo);
        Append(sb, "t.", Volume);
        Append(sb, "l.", Pages);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) sb.Append(' ').Append(label).Append(' ').Append(value.Trim());
    }

    /// <summary>
    /// Reads a formatted reference, tolerating the variants found in print ("F. 17. Op. 171, D. 136, L. 94-126",
    /// "ll. 3-5", "ф. 17 оп. 171 д. 136 л. 94").
    /// </summary>
    public static bool TryParse(string? text, out ArchivalReference? reference)
    {
        reference = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = Part().Matches(text);
        if (parts.Count == 0) return false;
        var archive = text[..parts[0].Index].Trim().TrimEnd('.', ',', ' ');
        if (archive.Length == 0) return false;
        string? fond = null, opis = null, delo = null, volume = null, pages = null;
        foreach (Match m in parts)
        {
            var value = Dash().Replace(m.Groups["v"].Value.Trim().TrimEnd('.', ','), "-");
            switch (m.Groups["k"].Value.ToLowerInvariant().TrimEnd('.'))
            {
                case "f" or "ф" or "fond": fond ??= value; break;
                case "op" or "on" or "оп" or "opis": opis ??= value; break;
                case "d" or "д" or "delo": delo ??= value; break;
                case "t" or "т" or "vol" or "tom": volume ??= value; break;
                default: pages ??= value; break;
            }
        }
        reference = new ArchivalReference(archive, fond, opis, delo, volume, pages);
        return true;
    }

    [GeneratedRegex(@"\s*[-–]\s*")]
    private static partial Regex Dash();

    [GeneratedRegex(@"(?:^|[\s,.])(?<k>f|ф|fond|op|on|оп|opis|d|д|delo|t|т|vol|tom|ll|l|лл|л)\.?\s+(?<v>[^\s,]+(?:\s*[-–]\s*[^\s,]+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex Part();
}
