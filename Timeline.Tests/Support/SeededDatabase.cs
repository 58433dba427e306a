namespace Timeline.Tests.Support;

/// <summary>A copy of the seeded database shared by the tests of one class (read-only use).</summary>
public sealed class SeededDatabase : IDisposable
{
    public TestDatabase Database { get; } = new(seeded: true);

    public void Dispose() => Database.Dispose();
}
