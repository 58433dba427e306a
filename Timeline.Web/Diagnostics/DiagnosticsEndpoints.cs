namespace Timeline.Web.Diagnostics;

/// <summary>
/// <c>GET /_diagnostics/memory</c>, in Development and Testing only: the managed heap after a forced full collection
/// (<see cref="GC.GetTotalMemory(bool)"/>, what is really still referenced, unlike the process's resident size, which the
/// runtime gives back to the system lazily) and the circuits the server holds. It forces a collection, so it is never
/// mapped in production.
/// </summary>
public static class DiagnosticsEndpoints
{
    public static IEndpointRouteBuilder MapDiagnostics(this IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing")) return app;
        app.MapGet("/_diagnostics/memory", (CircuitCounter circuits) =>
        {
            // Twice: finalizers run after the first collection free more in the second.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            return Results.Ok(new { heapBytes = heap, openCircuits = circuits.Open, connectedCircuits = circuits.Connected });
        });
        return app;
    }
}
