namespace Timeline.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string SeedFolder => Path.Combine(Root, "seed");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Timeline.sln"))) return dir.FullName;
        throw new InvalidOperationException("Tests must run inside the repository (no Timeline.sln above " + AppContext.BaseDirectory + ").");
    }
}
