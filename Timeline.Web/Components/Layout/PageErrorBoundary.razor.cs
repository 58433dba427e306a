using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;

namespace Timeline.Web.Components.Layout;

/// <summary>
/// Logs a page's failure with the page (its URL), the user and the operation (the app's method that threw), and keeps
/// the circuit alive; moving to another page clears the error.
/// </summary>
public sealed partial class PageErrorBoundary
{
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] private ILogger<PageErrorBoundary> Logger { get; set; } = default!;

    protected override void OnInitialized() => Nav.LocationChanged += OnLocationChanged;

    protected override async Task OnErrorAsync(Exception exception)
    {
        var user = AuthenticationState is null ? null : (await AuthenticationState).User.Identity?.Name;
        var fields = new Dictionary<string, object?> { ["Page"] = Nav.Uri, ["User"] = user ?? "anonymous", ["Operation"] = Operation(exception) };
        using (Logger.BeginScope(fields))
            LogFailed(Logger, exception, Nav.Uri, user ?? "anonymous", Operation(exception));
    }

    /// <summary>The first method of the app itself in the failure's stack ("EventQueries.SearchAsync"), or the innermost one.</summary>
    internal static string Operation(Exception exception)
    {
        var methods = new StackTrace(exception).GetFrames().Select(f => f.GetMethod()).OfType<MethodBase>().ToList();
        var ours = methods.FirstOrDefault(m => m.DeclaringType?.Namespace?.StartsWith("Timeline.", StringComparison.Ordinal) == true) ?? methods.FirstOrDefault();
        if (ours?.DeclaringType is not { } type) return exception.TargetSite?.Name ?? "unknown";
        // An async method runs as MoveNext of a generated "<SearchAsync>d__5" nested in the real type.
        if (type.Name.StartsWith('<') && type.DeclaringType is { } owner)
            return $"{owner.Name}.{type.Name[1..type.Name.IndexOf('>', StringComparison.Ordinal)]}";
        return $"{type.Name}.{ours.Name}";
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (CurrentException is not null) _ = InvokeAsync(Recover);
    }

    public void Dispose() => Nav.LocationChanged -= OnLocationChanged;

    [LoggerMessage(Level = LogLevel.Error, Message = "The page {Page} failed for {User} in {Operation}.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string page, string user, string operation);
}
