using Timeline.Domain.Seeding;

namespace Timeline.Web;

/// <summary>Command-line verbs of the app: <c>dotnet run --project Timeline.Web -- VERB ...</c>.</summary>
public static class Commands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "check-seed" or "add-user";

    public static Task<int> RunAsync(string[] args) => args[0] switch
    {
        "check-seed" => Task.FromResult(CheckSeed(args.Length > 1 ? args[1] : "seed")),
        "add-user" => Account.AddUserCommand.RunAsync(args),
        _ => Task.FromResult(2),
    };

    /// <summary>Validates a dataset folder and prints every problem with its file, record and field.</summary>
    private static int CheckSeed(string folder)
    {
        var problems = SeedLoader.Check(folder);
        foreach (var p in problems) Console.WriteLine(p.Message);
        Console.WriteLine(problems.Count == 0 ? $"{folder}: valid." : $"{folder}: {problems.Count} problem(s).");
        return problems.Count == 0 ? 0 : 1;
    }
}
