using System.Globalization;
using System.Text;

namespace Timeline.Domain.Text;

/// <summary>
/// Folds a name to a search key that ignores case, diacritics, script and the usual differences between
/// transliteration systems, so Miasnikov, Myasnikov, Mjasnikov, Mâsnikov and Мясников share one key
/// ("miasnikov"), as do Trotsky, Trotskii and Троцкий ("trotski"). Both stored names and queries are
/// folded the same way, so the rules only have to be consistent, not linguistically perfect.
/// </summary>
public static class NameFolding
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "i", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "iu",
        ['я'] = "ia", ['і'] = "i", ['ї'] = "i", ['є'] = "e", ['ґ'] = "g", ['ў'] = "u",
        // Scholarly (ISO 9 / Library of Congress) letters stand for digraphs, not plain letters.
        ['ž'] = "zh", ['š'] = "sh", ['č'] = "ch", ['ŝ'] = "shch", ['ĉ'] = "ch", ['ẑ'] = "zh",
    };

    // Applied in order after lower-casing, transliterating and stripping diacritics.
    private static readonly (string From, string To)[] Rules =
    [
        ("shch", "sch"), ("sch", "sch"), ("tch", "ch"), ("tsch", "ch"), ("kh", "h"), ("ch", "ch"),
        ("ks", "x"), ("ph", "f"), ("w", "v"), ("tz", "ts"), ("dzh", "j"), ("dj", "j"),
        ("j", "i"), ("y", "i"), ("ii", "i"), ("ie", "e"), ("ia", "a"), ("iu", "u"), ("io", "o"), ("ff", "v"),
    ];

    /// <summary>The search key of a name or a query fragment: lower-case Latin letters, digits and single spaces.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var latin = new StringBuilder(text.Length + 8);
        foreach (var raw in text.Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            if (Cyrillic.TryGetValue(raw, out var t)) latin.Append(t);
            else latin.Append(raw);
        }
        var plain = new StringBuilder(latin.Length);
        foreach (var c in latin.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is 'ß') { plain.Append("ss"); continue; }
            if (char.IsAsciiLetterOrDigit(c)) plain.Append(c);
            else if (char.IsWhiteSpace(c) || c is '-' or '.' or ',' or '/') plain.Append(' ');
            // apostrophes and soft signs vanish: Il'ich = Ilich
        }
        var words = plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(FoldWord);
        return string.Join(' ', words);
    }

    private static string FoldWord(string w)
    {
        foreach (var (from, to) in Rules) w = w.Replace(from, to, StringComparison.Ordinal);
        return w;
    }
}
