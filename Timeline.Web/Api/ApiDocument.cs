using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using Timeline.Domain.Text;
using Timeline.Web.Filtering;

namespace Timeline.Web.Api;

/// <summary>The parameters an endpoint declares: endpoint metadata, read by the OpenAPI document.</summary>
public sealed record DeclaredParameters(IReadOnlyList<QueryParameter> Parameters);

/// <summary>
/// The API's OpenAPI document (<c>/openapi/v1.json</c>). The endpoints read the query string themselves, so their
/// parameters come from the same <see cref="QueryParameter"/> lists the parsing uses, declared with
/// <see cref="WithParameters"/>, rather than from the handlers' signatures.
/// </summary>
public static class ApiDocument
{
    /// <summary>Where the interactive reference page for people is served.</summary>
    public const string ReferencePath = "/api-reference";

    /// <summary>
    /// Declares an endpoint's parameters: the OpenAPI document describes them, and a request naming any other query
    /// parameter is refused with a 400 naming it, so a typo never silently widens a query.
    /// </summary>
    public static RouteHandlerBuilder WithParameters(this RouteHandlerBuilder builder, params IReadOnlyList<QueryParameter> parameters)
    {
        var set = new HashSet<string>(parameters.Where(p => !p.InPath).Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
        return builder.WithMetadata(new DeclaredParameters(parameters)).AddEndpointFilter(async (context, next) =>
        {
            var unknown = context.HttpContext.Request.Query.Keys.Where(k => !set.Contains(k)).ToList();
            if (unknown.Count == 0) return await next(context);
            var known = set.Count == 0 ? "This request takes no query parameters." : $"Known parameters: {string.Join(", ", set)}.";
            return Results.ValidationProblem(unknown.ToDictionary(k => k, k => new[] { $"Unknown parameter {Excerpt.Quote(k)}. {known}" }),
                title: "Invalid query parameters");
        });
    }

    /// <summary>
    /// The document at /openapi/v1.json and Scalar's reference page on it. Scalar's scripts come from its package (served
    /// by the app); its CDN fonts, telemetry, AI agent and developer toolbar (sharing and SDK services on Scalar's hosts)
    /// are off, so the page reaches no other host. Its one inline script carries a fresh nonce that
    /// <see cref="Security.SecurityHeaders"/> allows on this page only.
    /// </summary>
    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(ReferencePath, o => o
            .WithTitle("Timeline API reference")
            .WithFavicon("/favicon.svg")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .HideDeveloperTools()
            .DisableAgent()
            .DisableMcp()
            .WithNonce());
        return app;
    }

    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        // The read API and the exports; the pages, sign-in and health endpoints are not part of it.
        o.ShouldInclude = d => d.RelativePath is { } path
            && (path.StartsWith("api/", StringComparison.Ordinal) || path.StartsWith("export/", StringComparison.Ordinal));
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Timeline read API",
                Version = "v1",
                Description = "Events of Soviet political history with their evidence, as JSON. Dates are EDTF strings (1929-10-15, " +
                    "1929-10, 1929~, 1929?, ../1930 for 'before 1930'); earliest and latest are the ISO bounds of the days a date can " +
                    "mean. Enumerations are kebab-case. Errors are problem details (RFC 9457) with an errors object keyed by the " +
                    "offending parameter; an unknown parameter is an error too.",
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<DeclaredParameters>().FirstOrDefault() is not { } declared)
                return Task.CompletedTask;
            var names = declared.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var parameters = (operation.Parameters ?? []).Where(p => p.Name is null || !names.Contains(p.Name)).ToList();
            parameters.AddRange(declared.Parameters.Select(Describe));
            operation.Parameters = parameters;
            return Task.CompletedTask;
        });
        o.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            // Enumerations are written as kebab-case strings. The generated schema lists them without a type, and with a
            // null in it when the enumeration was first met as nullable (where that is so, the use site says so).
            if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum && schema.Enum is { } values)
            {
                schema.Type = JsonSchemaType.String;
                schema.Enum = values.Where(v => v is not null).ToList();
            }
            // A property left out when it is null (a calendar, a trial's details) is not required.
            if (schema.Required is { Count: > 0 } required)
                foreach (var property in context.JsonTypeInfo.Properties.Where(OmittedWhenNull))
                    required.Remove(property.Name);
            return Task.CompletedTask;
        });
    });

    private static bool OmittedWhenNull(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: false)
            .OfType<JsonIgnoreAttribute>().Any(a => a.Condition == JsonIgnoreCondition.WhenWritingNull) == true;

    private static IOpenApiParameter Describe(QueryParameter p) => new OpenApiParameter
    {
        Name = p.Name,
        In = p.InPath ? ParameterLocation.Path : ParameterLocation.Query,
        Required = p.InPath,
        Description = p.Repetition switch
        {
            Repetition.RepeatOrComma => p.Description + " Repeat the parameter or separate values with commas.",
            _ => p.Description,
        },
        Style = ParameterStyle.Form,
        Explode = true,
        Schema = p.Repetition == Repetition.None ? ValueSchema(p) : new OpenApiSchema { Type = JsonSchemaType.Array, Items = ValueSchema(p) },
    };

    private static OpenApiSchema ValueSchema(QueryParameter p) => p.Type switch
    {
        QueryValueType.WholeNumber => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = p.Minimum.ToString(CultureInfo.InvariantCulture),
            Maximum = p.Maximum.ToString(CultureInfo.InvariantCulture),
            Default = p.Default is null ? null : JsonValue.Create(int.Parse(p.Default, CultureInfo.InvariantCulture)),
        },
        QueryValueType.Choice => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = p.Choices.Select(c => (JsonNode)JsonValue.Create(c)).ToList(),
            Default = p.Default is null ? null : JsonValue.Create(p.Default),
        },
        QueryValueType.Date => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
        _ => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = p.MaxLength },
    };
}
