using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Timeline.Web.Diagnostics;

/// <summary>
/// Weak references to every circuit the server opened and to its navigation manager, which nearly every component of
/// that circuit holds: after a full collection, a closed circuit whose objects are still alive is held by something
/// that outlived it (a singleton's event, a static list), whatever the heap's size says. Development and Testing only.
/// </summary>
public sealed class CircuitTracker
{
    private readonly List<WeakReference> _objects = [];

    public void Add(params object[] objects)
    {
        lock (_objects) _objects.AddRange(objects.Select(o => new WeakReference(o)));
    }

    /// <summary>How many tracked objects are still reachable; call after a full collection.</summary>
    public int Alive()
    {
        lock (_objects)
        {
            _objects.RemoveAll(w => !w.IsAlive);
            return _objects.Count;
        }
    }
}

/// <summary>Resolved in each circuit's own scope, so it can hand the circuit's scoped services to the tracker.</summary>
public sealed class CircuitProbe(CircuitTracker tracker, NavigationManager navigation) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        tracker.Add(circuit, navigation);
        return Task.CompletedTask;
    }
}
