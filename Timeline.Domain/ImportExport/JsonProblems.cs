using System.Text.Json;
using System.Text.RegularExpressions;
using Timeline.Domain.Text;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// JSON errors in the words of the dataset format. The serializer's own messages speak of .NET types ("could not be
/// converted to System.String", "any .NET member contained in type 'Timeline.Domain.Seeding.EventRecord'"), which mean
/// nothing to the historian fixing the file and say more than they should about the program.
/// </summary>
internal static partial class JsonProblems
{
    public static string Describe(JsonException ex)
    {
        // "... Path: $.participants[0].role | LineNumber: 3 | BytePositionInLine: 5." -> the problem alone.
        var message = ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd();
        if (Converted().Match(message) is { Success: true } c) return $"the value is not {Expected(c.Groups[1].Value)}.";
        if (Unmapped().Match(message) is { Success: true } u) return $"{Excerpt.Quote(u.Groups[1].Value)} is not a field here; check its spelling against seed/README.md.";
        if (Duplicate().Match(message) is { Success: true } d) return $"{Excerpt.Quote(d.Groups[1].Value)} is given twice in one object; give each field once.";
        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && TypeName().IsMatch(message)) return "the value may not be null here.";
        // Anything else (a reader's syntax error names characters, not types); a type name that slips in is cut out.
        return TypeName().Replace(Excerpt.Cut(message), "a value");
    }

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("List`1[System.String]", StringComparison.Ordinal) => "a list of text",
        _ when type.Contains("List`1", StringComparison.Ordinal) => "a list of objects",
        _ when type.Contains("JsonElement", StringComparison.Ordinal) => "a date (an EDTF string or { \"edtf\", \"calendar\" })",
        "System.String" => "text",
        "System.Boolean" => "true or false",
        _ when type.StartsWith("System.Int", StringComparison.Ordinal) => "a whole number",
        _ => "an object",
    };

    /// <summary>
    /// The id of the record that starts at the beginning of <paramref name="record"/> (its raw bytes, which may be
    /// malformed), and the top-level field in which byte <paramref name="at"/> lies; null for what cannot be told.
    /// </summary>
    public static (string? Id, string? Field) Scan(ReadOnlySpan<byte> record, int at)
    {
        var reader = new Utf8JsonReader(record, isFinalBlock: false,
            new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }));
        string? id = null, field = null;
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndObject) break;
                if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName) continue;
                var isId = reader.ValueTextEquals("id"u8);
                if (reader.TokenStartIndex <= at) field = Name(ref reader);
                if (isId && reader.Read() && reader.TokenType == JsonTokenType.String) id = Excerpt.Cut(reader.GetString() ?? "");
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Malformed further on: what was found so far stands.
        }
        return (id, field);
    }

    /// <summary>Where in <paramref name="record"/> an error of a reader over it alone lies (its line and byte in the line).</summary>
    public static int Offset(ReadOnlySpan<byte> record, JsonException ex)
    {
        var offset = 0;
        for (var line = ex.LineNumber ?? 0; line > 0 && offset < record.Length; line--)
        {
            var next = record[offset..].IndexOf((byte)'\n');
            if (next < 0) return record.Length;
            offset += next + 1;
        }
        return (int)Math.Min(record.Length, offset + (ex.BytePositionInLine ?? 0));
    }

    private static string? Name(ref Utf8JsonReader reader)
    {
        try
        {
            return Excerpt.Cut(reader.GetString() ?? "");
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^The JSON value could not be converted to ([^.]+(?:\.[^ .]+)*)\.?$")]
    private static partial Regex Converted();

    [GeneratedRegex(@"^The JSON property '(.*)' could not be mapped to any \.NET member")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"^Duplicate property '(.*?)' encountered")]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"'?\b(?:System|Timeline|Microsoft)\.[\w.`\[\],]+'?")]
    private static partial Regex TypeName();
}
