using System.Text.RegularExpressions;

namespace Timeline.Web.Filtering;

/// <summary>Splits text into plain and marked runs for the words of a search (each word matched as a word prefix).</summary>
public static class Highlighter
{
    public static IEnumerable<(string Text, bool Marked)> Split(string text, IReadOnlyList<string> words)
    {
        if (words.Count == 0 || text.Length == 0)
        {
            yield return (text, false);
            yield break;
        }
        var pattern = @"\b(?:" + string.Join('|', words.Where(w => w.Length > 0).Select(Regex.Escape)) + @")[\p{L}\p{N}]*";
        var last = 0;
        foreach (Match m in Regex.Matches(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)))
        {
            if (m.Index > last) yield return (text[last..m.Index], false);
            yield return (m.Value, true);
            last = m.Index + m.Length;
        }
        if (last < text.Length) yield return (text[last..], false);
    }
}
