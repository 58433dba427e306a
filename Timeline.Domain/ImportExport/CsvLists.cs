using System.Text;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// Lists inside one CSV cell: items separated by <c>|</c>, each a head followed by <c>;name=value</c>
/// attributes, with <c>\</c> escaping a literal <c>|</c>, <c>;</c> or <c>\</c> in a value:
/// <c>zinoviev-grigory:defendant;sentence=death|vyshinsky-andrey:prosecutor</c>.
/// </summary>
public static class CsvLists
{
    public const char ItemSeparator = '|';
    public const char AttributeSeparator = ';';
    private const char EscapeChar = '\\';

    /// <summary>A value made safe to put in a list cell.</summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny("\\|;") < 0) return value;
        var sb = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            if (c is EscapeChar or ItemSeparator or AttributeSeparator) sb.Append(EscapeChar);
            sb.Append(c);
        }
        return sb.ToString();
    }

    public static string Unescape(string text)
    {
        if (!text.Contains(EscapeChar, StringComparison.Ordinal)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == EscapeChar && i + 1 < text.Length) i++;
            sb.Append(text[i]);
        }
        return sb.ToString();
    }

    /// <summary>Splits at separators that are not escaped; the parts keep their escapes (for splitting again).</summary>
    public static List<string> Split(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == EscapeChar) { i++; continue; }
            if (text[i] != separator) continue;
            parts.Add(text[start..i]);
            start = i + 1;
        }
        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>The items of a list cell, blank ones dropped.</summary>
    public static List<string> Items(string? cell) =>
        string.IsNullOrWhiteSpace(cell) ? [] : Split(cell, ItemSeparator).Where(i => i.Trim().Length > 0).ToList();

    /// <summary>Plain values separated by <c>|</c> (name variants).</summary>
    public static string JoinValues(IEnumerable<string> values) => string.Join(ItemSeparator, values.Select(Escape));

    public static List<string> Values(string? cell) => Items(cell).Select(i => Unescape(i).Trim()).ToList();

    /// <summary>One item: its head (unescaped) and its attributes in order; a bare name is a flag with a null value.</summary>
    public static (string Head, List<KeyValuePair<string, string?>> Attributes) Item(string item)
    {
        var parts = Split(item, AttributeSeparator);
        var attributes = new List<KeyValuePair<string, string?>>(parts.Count - 1);
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            attributes.Add(eq < 0
                ? new(Unescape(part).Trim(), null)
                : new(Unescape(part[..eq]).Trim(), Unescape(part[(eq + 1)..]).Trim()));
        }
        return (Unescape(parts[0]).Trim(), attributes);
    }

    /// <summary>Builds an item: the head is escaped, then <c>;name=value</c> for each value present.</summary>
    public static string Item(string head, params (string Name, string? Value)[] attributes)
    {
        var sb = new StringBuilder(Escape(head));
        foreach (var (name, value) in attributes)
            if (value is not null) sb.Append(AttributeSeparator).Append(name).Append('=').Append(Escape(value));
        return sb.ToString();
    }

    /// <summary>Appends a bare <c>;name</c> flag to an item.</summary>
    public static string WithFlag(string item, string flag, bool set) => set ? item + AttributeSeparator + flag : item;
}
