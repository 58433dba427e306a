using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Timeline.Domain.Text;

/// <summary>
/// The key event titles are ordered by (<see cref="Model.Event.SortTitle"/>): the title without the quotes, brackets
/// and punctuation it may begin with, in lower case, accents aside, spaces collapsed. "'Bloc' of Rights and
/// Trotskyites" sorts under B and "Élie" beside "Elie". Compared bytewise (SQLite's BINARY collation), as its index is.
/// </summary>
public static class TitleSorting
{
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
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Makes <see cref="SqlFunction"/> available on a connection.</summary>
    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction(SqlFunction, (string? title) => Key(title), isDeterministic: true);
}
