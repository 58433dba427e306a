using System.Text.Json;
using System.Text.Json.Serialization;

namespace Timeline.Web.Api;

public static class ApiJson
{
    /// <summary>camelCase names and kebab-case enum values ("presiding-judge"), as in the dataset files.</summary>
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Numbers are numbers. The web default also reads them from strings, and the OpenAPI document, generated
        // from these options, then types every number as "integer or string" (the API reads no JSON bodies).
        o.NumberHandling = JsonNumberHandling.Strict;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }
}
