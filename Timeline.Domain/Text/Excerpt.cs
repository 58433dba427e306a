namespace Timeline.Domain.Text;

/// <summary>
/// A value quoted in a message (an import error, a refused API parameter): at most about a hundred characters,
/// then "…". A megabyte-long id must make a readable error, not echo itself whole to a log or a page.
/// </summary>
public static class Excerpt
{
    public const int MaxLength = 100;

    /// <summary>The value in single quotes, cut to <see cref="MaxLength"/> characters.</summary>
    public static string Quote(string? value) => "'" + Cut(value ?? "") + "'";

    public static string Cut(string value)
    {
        if (value.Length <= MaxLength) return value;
        // Never split a surrogate pair: half a character is not text.
        var length = char.IsHighSurrogate(value[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return value[..length] + "…";
    }
}
