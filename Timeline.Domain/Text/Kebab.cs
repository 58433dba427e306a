using System.Collections.Concurrent;
using System.Text;

namespace Timeline.Domain.Text;

/// <summary>Enum names as they appear in files, URLs and the API: <c>PresidingJudge</c> is <c>presiding-judge</c>.</summary>
public static class Kebab
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, object>> ByName = new();

    public static string ToKebab<T>(this T value) where T : struct, Enum => ToKebab(value.ToString());

    public static string ToKebab(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var map = ByName.GetOrAdd(typeof(T), _ => Enum.GetValues<T>()
            .SelectMany(v => new[] { (Key: ToKebab(v), Value: (object)v), (Key: v.ToString().ToLowerInvariant(), Value: (object)v) })
            .DistinctBy(p => p.Key)
            .ToDictionary(p => p.Key, p => p.Value));
        if (!map.TryGetValue(text.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-'), out var found)) return false;
        value = (T)found;
        return true;
    }

    public static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => v.ToKebab()));
}
