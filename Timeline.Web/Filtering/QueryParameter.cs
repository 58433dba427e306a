using System.Globalization;
using Timeline.Domain.Text;

namespace Timeline.Web.Filtering;

public enum QueryValueType { Text, WholeNumber, Choice, Date }

/// <summary>How a parameter takes several values: not at all (given twice, it is refused), by repeating it, or by repeating it or separating values with commas.</summary>
public enum Repetition { None, Repeat, RepeatOrComma }

/// <summary>
/// One URL parameter: its name, what it means and the values it takes. An endpoint's list of these is the one source
/// for reading its values (the limits and choices below), for refusing names it does not know, and for the OpenAPI
/// document, so the API and its description cannot drift apart.
/// </summary>
public sealed record QueryParameter
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public QueryValueType Type { get; init; }
    public Repetition Repetition { get; init; }

    /// <summary>A route segment (<c>{id}</c>) rather than a query parameter.</summary>
    public bool InPath { get; init; }

    /// <summary>The value an absent parameter stands for, as it would be written in the URL.</summary>
    public string? Default { get; init; }

    public int? MaxLength { get; init; }
    public int Minimum { get; init; }
    public int Maximum { get; init; }
    public IReadOnlyList<string> Choices { get; init; } = [];

    public static QueryParameter Text(string name, string description, int maxLength, Repetition repetition = Repetition.None) =>
        new() { Name = name, Description = description, Type = QueryValueType.Text, MaxLength = maxLength, Repetition = repetition };

    public static QueryParameter WholeNumber(string name, string description, int minimum, int maximum, int? @default = null,
        Repetition repetition = Repetition.None, bool inPath = false) =>
        new()
        {
            Name = name, Description = description, Type = QueryValueType.WholeNumber, Minimum = minimum, Maximum = maximum,
            Default = @default?.ToString(CultureInfo.InvariantCulture), Repetition = repetition, InPath = inPath,
        };

    /// <summary>One of an enumeration's values, in their kebab-case form (<c>presiding-judge</c>).</summary>
    public static QueryParameter Choice<T>(string name, string description, Repetition repetition = Repetition.None) where T : struct, Enum =>
        Choice(name, description, Enum.GetValues<T>().Select(v => v.ToKebab()).ToList(), repetition: repetition);

    public static QueryParameter Choice(string name, string description, IReadOnlyList<string> choices, string? @default = null,
        Repetition repetition = Repetition.None) =>
        new() { Name = name, Description = description, Type = QueryValueType.Choice, Choices = choices, Default = @default, Repetition = repetition };

    /// <summary>A day, written as an ISO date (<c>1936-08-19</c>), from 0001-01-01 to 9999-12-31.</summary>
    public static QueryParameter Date(string name, string description) =>
        new() { Name = name, Description = description, Type = QueryValueType.Date };

    /// <summary>The day a value names, or null with an error naming the parameter.</summary>
    public DateOnly? DateValue(Dictionary<string, string[]> errors, string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        FilterQuery.Add(errors, Name, $"'{Name}' must be a date written yyyy-mm-dd; got {Excerpt.Quote(text)}.");
        return null;
    }

    public bool TryNumber(string? text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= Minimum && value <= Maximum;

    /// <summary>The whole number a value gives, or null with an error naming the parameter.</summary>
    public int? Number(Dictionary<string, string[]> errors, string text)
    {
        if (TryNumber(text, out var n)) return n;
        FilterQuery.Add(errors, Name, $"'{Name}' must be a whole number from {Minimum} to {Maximum}; got {Excerpt.Quote(text)}.");
        return null;
    }

    /// <summary>The enumeration value a value names, or null with an error naming the parameter and its choices.</summary>
    public T? EnumValue<T>(Dictionary<string, string[]> errors, string text) where T : struct, Enum
    {
        if (Kebab.TryParse<T>(text, out var v)) return v;
        FilterQuery.Add(errors, Name, $"{Excerpt.Quote(text)} is not a known {Name}; use one of: {string.Join(", ", Choices)}.");
        return null;
    }

    /// <summary>The text itself, or null with an error when it is longer than allowed.</summary>
    public string? Checked(Dictionary<string, string[]> errors, string text)
    {
        if (text.Length <= MaxLength) return text;
        FilterQuery.Add(errors, Name, $"'{Name}' is at most {MaxLength} characters.");
        return null;
    }
}
