using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components.Forms;

namespace Timeline.Web.Forms;

/// <summary>
/// Connects a FluentValidation validator to an <see cref="EditContext"/>. A changed field shows its own
/// messages at once (and fields already touched stay current, so fixing the start date clears "the end comes
/// before the start"); a submit shows every message. Messages land on the child objects the inputs bind
/// (see <see cref="ValidationPaths"/>).
/// </summary>
public sealed class FluentValidationBridge : IDisposable
{
    private readonly EditContext _context;
    private readonly IValidator _validator;
    private readonly ValidationMessageStore _messages;
    private readonly HashSet<FieldIdentifier> _touched = [];
    private bool _showAll;

    public FluentValidationBridge(EditContext context, IValidator validator)
    {
        _context = context;
        _validator = validator;
        _messages = new ValidationMessageStore(context);
        context.OnFieldChanged += FieldChanged;
        context.OnValidationRequested += ValidationRequested;
    }

    /// <summary>Shows failures that came back from the server (a refused save) as if the form had found them.</summary>
    public void Show(IEnumerable<ValidationFailure> failures)
    {
        _showAll = true;
        _messages.Clear();
        foreach (var f in failures) _messages.Add(ValidationPaths.ToField(_context.Model, f.PropertyName), f.ErrorMessage);
        _context.NotifyValidationStateChanged();
    }

    /// <summary>Forgets what was touched, e.g. after the form was reloaded with someone else's version.</summary>
    public void Reset()
    {
        _touched.Clear();
        _showAll = false;
        _messages.Clear();
        _context.NotifyValidationStateChanged();
    }

    private void FieldChanged(object? sender, FieldChangedEventArgs e)
    {
        _touched.Add(e.FieldIdentifier);
        Publish();
    }

    private void ValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        _showAll = true;
        Publish();
    }

    private void Publish()
    {
        var result = _validator.Validate(new ValidationContext<object>(_context.Model));
        _messages.Clear();
        foreach (var failure in result.Errors)
        {
            var field = ValidationPaths.ToField(_context.Model, failure.PropertyName);
            if (_showAll || _touched.Contains(field)) _messages.Add(field, failure.ErrorMessage);
        }
        _context.NotifyValidationStateChanged();
    }

    public void Dispose()
    {
        _context.OnFieldChanged -= FieldChanged;
        _context.OnValidationRequested -= ValidationRequested;
        _messages.Clear();
    }
}
