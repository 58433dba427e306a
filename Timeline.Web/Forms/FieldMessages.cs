using Microsoft.AspNetCore.Components.Forms;

namespace Timeline.Web.Forms;

/// <summary>
/// The validation messages of a few fields of a form, for an input that shows them itself because it does not bind the
/// field directly (a date typed as text, a person or source picked from a search). Tells its owner when they change.
/// </summary>
public sealed class FieldMessages : IDisposable
{
    private readonly Action _changed;
    private EditContext? _context;
    private IReadOnlyList<FieldIdentifier> _fields = [];

    public FieldMessages(Action changed) => _changed = changed;

    /// <summary>The messages now, each once, in the order of the fields.</summary>
    public IReadOnlyList<string> Current { get; private set; } = [];

    /// <summary>Follows these fields of this form (none without a form: a picker may stand on its own).</summary>
    public void Follow(EditContext? context, params FieldIdentifier[] fields)
    {
        if (!ReferenceEquals(context, _context))
        {
            Detach();
            _context = context;
            if (_context is not null) _context.OnValidationStateChanged += StateChanged;
        }
        _fields = fields;
        Current = Read();
    }

    private List<string> Read() =>
        _context is null ? [] : _fields.SelectMany(f => _context.GetValidationMessages(f)).Distinct().ToList();

    private void StateChanged(object? sender, ValidationStateChangedEventArgs e)
    {
        var now = Read();
        if (now.SequenceEqual(Current)) return;
        Current = now;
        _changed();
    }

    private void Detach()
    {
        if (_context is not null) _context.OnValidationStateChanged -= StateChanged;
        _context = null;
    }

    public void Dispose() => Detach();
}
