using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Timeline.Domain.Text;

/// <summary>
/// The key event titles are ordered by (<see cref="Model.Event.SortTitle"/>): the title without the quotes, brackets
/// and punctuation it may begin with, in lower case, accents aside, spaces collapsed, and numbers padded with zeros
/// so that they compare as numbers. "'Bloc' of Rights and Trotskyites" sorts under B, "Élie" beside "Elie", and
/// "17th Party Congress" before "140 workers strike". Compared bytewise (SQLite's BINARY collation), as its index is.
/// </summary>
public static partial class TitleSorting
{
    /// <summary>Numbers are padded to this many digits: counts and years in titles stay well below.</summary>
    private const int Digits = 6;

    /// <summary>The same key as a SQL function, for a migration that fills the column from stored titles.</summary>
    public const string SqlFunction = "timeline_sort_title";

    public static string Key(string? title)
    {
        if (string.IsNullOrEmpty(title)) return "";
        var sb = new StringBuilder(title.Length);
        var space = false;
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            // Nothing before the first letter or digit counts: quotes, brackets, dashes, ellipses, spaces.
            if (sb.Length == 0 && !char.IsLetterOrDigit(c)) continue;
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        var key = Number().Replace(sb.ToString().Normalize(NormalizationForm.FormC), m => m.Value.PadLeft(Digits, '0'));
        // Two titles alike in their first 200 characters of key may fall in either order; the column stays in its limit.
        return key.Length <= Model.Limits.Title ? key : key[..Model.Limits.Title];
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();

    /// <summary>Makes <see cref="SqlFunction"/> available on a connection.</summary>
    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction(SqlFunction, (string? title) => Key(title), isDeterministic: true);
}
