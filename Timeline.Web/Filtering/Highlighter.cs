using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Timeline.Domain.Text;

namespace Timeline.Web.Filtering;

/// <summary>
/// Splits text into plain and marked runs for the words of a search: a word of the text is marked when a search word
/// begins it, as FTS5 matches prefixes. Like the search itself (TextSearch), a word matches as written (case and
/// accents aside) or folded by <see cref="NameFolding"/>, so "Блюмкин" marks "Blumkin" and "Trotskii" marks "Троцкий".
/// Each word of the text is compared on its own and marked whole, so the marks always fall on the original letters.
/// </summary>
public static partial class Highlighter
{
    public static IEnumerable<(string Text, bool Marked)> Split(string text, IReadOnlyList<string> words)
    {
        var searched = words.Where(w => w.Length > 0).Select(w => (Plain: Plain(w), Folded: NameFolding.Fold(w))).ToList();
        if (searched.Count == 0 || text.Length == 0)
        {
            yield return (text, false);
            yield break;
        }
        var last = 0;
        foreach (Match m in Word().Matches(text))
        {
            if (!Matches(m.Value, searched)) continue;
            if (m.Index > last) yield return (text[last..m.Index], false);
            yield return (m.Value, true);
            last = m.Index + m.Length;
        }
        if (last < text.Length) yield return (text[last..], false);
    }

    private static bool Matches(string word, List<(string Plain, string Folded)> searched)
    {
        var plain = Plain(word);
        var folded = NameFolding.Fold(word);
        return searched.Any(s => plain.StartsWith(s.Plain, StringComparison.Ordinal)
            || (s.Folded.Length > 0 && folded.StartsWith(s.Folded, StringComparison.Ordinal)));
    }

    // Lower case without accents, in its own script: what FTS5's unicode61 tokenizer compares.
    private static string Plain(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word.ToLowerInvariant().Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}\p{Mn}]+")]
    private static partial Regex Word();
}
