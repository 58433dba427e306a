using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Timeline.Web.Diagnostics;

public static class CircuitSetup
{
    /// <summary>
    /// How long the server keeps a circuit whose connection dropped without the page saying goodbye (a killed browser, a
    /// lost network): one minute instead of three. Every browse view keeps its state in the address, so a circuit given up
    /// costs the reader only a reload, while each one kept holds its components and data (docs/performance.md, "Memory
    /// per circuit"). A closed or reloaded tab says goodbye and its circuit goes at once either way.
    /// </summary>
    public static readonly TimeSpan DisconnectedRetention = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddCircuits(this IServiceCollection services)
    {
        services.Configure<CircuitOptions>(o => o.DisconnectedCircuitRetentionPeriod = DisconnectedRetention);
        services.AddSingleton<CircuitCounter>();
        services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitCounter>());
        return services;
    }
}
