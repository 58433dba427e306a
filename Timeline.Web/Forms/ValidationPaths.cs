using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Components.Forms;

namespace Timeline.Web.Forms;

/// <summary>
/// Turns FluentValidation property paths ("Participants[0].Person.Name", "Evidence[1].Locator") into the
/// <see cref="FieldIdentifier"/> a form binds: the child object that owns the field, and the field's name.
/// That is what lets <c>ValidationMessage For="() => participant.Role"</c> show the message beside the input.
/// </summary>
public static class ValidationPaths
{
    public static FieldIdentifier ToField(object model, string? path)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (string.IsNullOrWhiteSpace(path)) return new FieldIdentifier(model, "");
        var segments = path.Split('.');
        var owner = model;
        for (var i = 0; i < segments.Length; i++)
        {
            var (name, index) = Segment(segments[i]);
            var last = i == segments.Length - 1;
            if (last && index is null) return new FieldIdentifier(owner, name);
            var value = Read(owner, name);
            if (index is { } k) value = ElementAt(value, k);
            // A path that runs past what the form holds (a removed row, a null child) lands on the nearest field that exists.
            if (value is null || IsScalar(value.GetType())) return new FieldIdentifier(owner, name);
            if (last) return new FieldIdentifier(owner, name);
            owner = value;
        }
        return new FieldIdentifier(owner, "");
    }

    private static (string Name, int? Index) Segment(string segment)
    {
        var open = segment.IndexOf('[', StringComparison.Ordinal);
        if (open < 0 || !segment.EndsWith(']')) return (segment, null);
        return int.TryParse(segment.AsSpan(open + 1, segment.Length - open - 2), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var i)
            ? (segment[..open], i)
            : (segment[..open], null);
    }

    private static object? Read(object owner, string name) =>
        owner.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(owner);

    private static object? ElementAt(object? value, int index) => value switch
    {
        IList list => index < list.Count ? list[index] : null,
        IEnumerable items => items.Cast<object?>().Skip(index).FirstOrDefault(),
        _ => null,
    };

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
        || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type.Namespace == "Timeline.Domain.Dates";
}
