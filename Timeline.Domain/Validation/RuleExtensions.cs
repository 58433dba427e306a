using FluentValidation;
using Timeline.Domain.Dates;

namespace Timeline.Domain.Validation;

public static class RuleExtensions
{
    /// <summary>An absolute http or https address; anything else (javascript:, file:, ftp:) is refused.</summary>
    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    public static IRuleBuilderOptions<T, string?> HttpUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(u => string.IsNullOrWhiteSpace(u) || IsHttpUrl(u))
            .WithMessage("{PropertyName} must be an http or https address.");

    /// <summary>
    /// FluentValidation's IsInEnum, with its rule and message, minus its reflection: IsInEnum looks up [Flags]
    /// on every value it checks, which was half the cost of validating an event in bulk imports.
    /// </summary>
    public static IRuleBuilderOptions<T, TEnum> DefinedEnum<T, TEnum>(this IRuleBuilder<T, TEnum> rule) where TEnum : struct, Enum =>
        rule.Must(v => Enum.IsDefined(v)).WithMessage(NotInEnum);

    public static IRuleBuilderOptions<T, TEnum?> DefinedEnum<T, TEnum>(this IRuleBuilder<T, TEnum?> rule) where TEnum : struct, Enum =>
        rule.Must(v => v is not { } value || Enum.IsDefined(value)).WithMessage(NotInEnum);

    private const string NotInEnum = "'{PropertyName}' has a range of values which does not include '{PropertyValue}'.";

    /// <summary>Typed date text that <see cref="DateInput"/> can read, with its own explanation when it cannot.</summary>
    public static IRuleBuilderOptions<T, string?> ReadableDate<T>(this IRuleBuilder<T, string?> rule, bool allowRange = false) =>
        rule.Must((_, text, ctx) =>
        {
            if (string.IsNullOrWhiteSpace(text)) return true;
            string? problem = null;
            if (!DateInput.TryParse(text, CalendarSystem.Gregorian, out var parsed, out var error)) problem = error;
            else if (!allowRange && parsed!.End is not null) problem = "Give a single date here, not a range.";
            if (problem is null) return true;
            ctx.MessageFormatter.AppendArgument("Problem", problem);
            return false;
        }).WithMessage("{Problem}");
}
