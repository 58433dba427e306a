using System.Text.Json;
using System.Text.Json.Serialization;

namespace Timeline.Web.Api;

public static class ApiJson
{
    /// <summary>camelCase names and kebab-case enum values ("presiding-judge"), as in the dataset files.</summary>
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }
}
