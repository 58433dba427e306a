using System.Text.Json;
using System.Text.Json.Serialization;

namespace Timeline.Domain.Seeding;

// The JSON records of the dataset format (seed/README.md). The seed, imports and JSON exports share them.

public sealed record SourceRecord
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Author { get; init; }
    public string Kind { get; init; } = "";
    public JsonElement? Date { get; init; }
    public string? Language { get; init; }
    public string? Url { get; init; }
    public string? Publication { get; init; }
    public ArchiveRecord? Archive { get; init; }
    public string? Description { get; init; }
}

public sealed record ArchiveRecord
{
    public string Archive { get; init; } = "";
    public string? Fond { get; init; }
    public string? Opis { get; init; }
    public string? Delo { get; init; }
    public string? Volume { get; init; }
    public string? Pages { get; init; }
}

public sealed record PersonRecord
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public List<NameVariantRecord>? Variants { get; init; }
    public JsonElement? Born { get; init; }
    public JsonElement? Died { get; init; }
    public string? LifeDatesNote { get; init; }
    public string? Description { get; init; }
}

/// <summary>A name variant: a plain string, or <c>{ "name": "Pratt", "note": "misprint in Davies" }</c> when it needs a remark.</summary>
[JsonConverter(typeof(NameVariantJson))]
public sealed record NameVariantRecord(string Name, string? Note = null)
{
    public static implicit operator NameVariantRecord(string name) => new(name);
}

/// <summary>Reads either form of a variant and writes the plain one unless there is a note.</summary>
public sealed class NameVariantJson : JsonConverter<NameVariantRecord>
{
    public override NameVariantRecord Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new NameVariantRecord(reader.GetString()!);
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("A name variant is a string or { \"name\", \"note\" }.");
        string? name = null, note = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            var value = reader.TokenType == JsonTokenType.Null ? null
                : reader.TokenType == JsonTokenType.String ? reader.GetString()
                : throw new JsonException($"'{property}' of a name variant is text.");
            switch (property)
            {
                case "name": name = value; break;
                case "note": note = value; break;
                default: throw new JsonException($"'{property}' is not a field of a name variant; it has \"name\" and \"note\".");
            }
        }
        return new NameVariantRecord(name ?? throw new JsonException("A name variant needs its \"name\"."), note);
    }

    public override void Write(Utf8JsonWriter writer, NameVariantRecord value, JsonSerializerOptions options)
    {
        if (value.Note is null)
        {
            writer.WriteStringValue(value.Name);
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        writer.WriteString("note", value.Note);
        writer.WriteEndObject();
    }
}

public sealed record EventRecord
{
    public string Id { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Summary { get; init; }
    public JsonElement Start { get; init; }
    public JsonElement? End { get; init; }
    /// <summary>What the date rests on, when no date claim cites a source for it.</summary>
    public string? DateNote { get; init; }
    public string? Place { get; init; }
    public string ClaimStatus { get; init; } = "";
    public List<ParticipantRecord>? Participants { get; init; }
    public List<EvidenceRecord>? Evidence { get; init; }
    public List<DateClaimRecord>? DateClaims { get; init; }
    public TrialRecord? Trial { get; init; }
    public ArrestRecord? Arrest { get; init; }
    public ExpulsionRecord? Expulsion { get; init; }
}

public sealed record ParticipantRecord
{
    public string Person { get; init; } = "";
    public string Role { get; init; } = "";
    public string? Outcome { get; init; }
    public string? Charge { get; init; }
    public string? Verdict { get; init; }
    public string? Sentence { get; init; }
}

public sealed record EvidenceRecord
{
    public string Source { get; init; } = "";
    public string Locator { get; init; } = "";
    public string Stance { get; init; } = "supports";
    public string? Note { get; init; }
    public JsonElement? Date { get; init; }
}

public sealed record DateClaimRecord
{
    public JsonElement Start { get; init; }
    public JsonElement? End { get; init; }
    public bool Preferred { get; init; }
    public string Source { get; init; } = "";
    public string Locator { get; init; } = "";
    public string? Note { get; init; }
}

public sealed record TrialRecord
{
    public string? Court { get; init; }
    /// <summary>How many defendants a source counts without naming them.</summary>
    public int? UnnamedDefendants { get; init; }
    /// <summary>Who the unnamed defendants were, per the sources; required when no defendant is named.</summary>
    public string? DefendantsNote { get; init; }
}

public sealed record ArrestRecord
{
    public string? Agency { get; init; }
    public string? Place { get; init; }
    public string? Charge { get; init; }
}

public sealed record ExpulsionRecord
{
    public string? From { get; init; }
    public string? Organisation { get; init; }
    public string? Body { get; init; }
    public string? Reason { get; init; }
}

public static class DatasetJson
{
    /// <summary>
    /// Strict reading: unknown fields are errors, so a typo in a file is caught, not ignored; so are comments, trailing
    /// commas, a field given twice (which one would count?) and a NUL character in text.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // "title": null is an error with its path, not a crash further on.
        RespectNullableAnnotations = true,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        AllowDuplicateProperties = false,
        Converters = { new NoNulText() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>Text as the dataset takes it: a NUL character (<c>\u0000</c>) is refused, with the field's path.</summary>
internal sealed class NoNulText : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("The JSON value could not be converted to System.String.");
        var text = reader.GetString()!;
        return text.Contains('\0', StringComparison.Ordinal) ? throw new JsonException("the text holds a NUL character (\\u0000).") : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
