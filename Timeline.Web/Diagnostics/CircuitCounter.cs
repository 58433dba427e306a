using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Timeline.Web.Diagnostics;

/// <summary>
/// Counts the Blazor circuits the server holds: opened and not yet closed (a closed tab's circuit closes at once; one
/// whose connection dropped is kept for <c>DisconnectedCircuitRetentionPeriod</c> in case it reconnects), and of those
/// the ones connected now. The memory test and docs/performance.md read it through <see cref="DiagnosticsEndpoints"/>.
/// </summary>
public sealed class CircuitCounter : CircuitHandler
{
    private int _open;
    private int _connected;

    public int Open => Volatile.Read(ref _open);
    public int Connected => Volatile.Read(ref _connected);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _connected);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _connected);
        return Task.CompletedTask;
    }
}
