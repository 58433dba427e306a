using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Timeline.Web.Forms;

namespace Timeline.Web.Components.Shared;

/// <summary>
/// Put inside an EditForm: validates its model with a Domain validator, field by field as the user edits
/// and in full on submit. The rules stay in Timeline.Domain; this only shows their messages.
/// </summary>
public sealed class FluentValidator : ComponentBase, IDisposable
{
    private FluentValidationBridge? _bridge;
    private EditContext? _attached;

    [CascadingParameter] private EditContext? EditContext { get; set; }

    [Parameter, EditorRequired] public IValidator Validator { get; set; } = default!;

    protected override void OnParametersSet()
    {
        var context = EditContext ?? throw new InvalidOperationException("FluentValidator must sit inside an EditForm.");
        if (ReferenceEquals(context, _attached)) return;
        _bridge?.Dispose();
        _bridge = new FluentValidationBridge(context, Validator);
        _attached = context;
    }

    /// <summary>Shows the messages of a save the server refused.</summary>
    public void Show(IEnumerable<ValidationFailure> failures) => _bridge?.Show(failures);

    public void Dispose() => _bridge?.Dispose();
}
