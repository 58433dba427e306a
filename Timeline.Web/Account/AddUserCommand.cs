using Timeline.Domain.Curation;
using Timeline.Domain.Data;

namespace Timeline.Web.Account;

/// <summary>
/// <c>add-user EMAIL [--role Editor|Admin]...</c>: creates an account from the command line, e.g. the first
/// administrator. The password comes from the TIMELINE_PASSWORD environment variable or is asked for.
/// </summary>
public static class AddUserCommand
{
    public static async Task<int> RunAsync(string[] args, string connection)
    {
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            Console.Error.WriteLine("Usage: add-user EMAIL [--role Admin] [--role Editor]   (password from TIMELINE_PASSWORD or a prompt)");
            return 2;
        }
        var email = args[1];
        var roles = new List<string>();
        for (var i = 2; i < args.Length - 1; i++)
            if (args[i] == "--role") roles.Add(args[++i]);
        if (roles.Count == 0) roles.Add(Roles.Editor);
        if (roles.Contains(Roles.Admin) && !roles.Contains(Roles.Editor)) roles.Add(Roles.Editor);
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"Unknown role(s): {string.Join(", ", unknown)}. Roles are {string.Join(", ", Roles.All)}.");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("TIMELINE_PASSWORD") ?? Prompt($"Password for {email}: ");

        var builder = WebApplication.CreateBuilder([]);
        builder.Services.AddTimelineDomain(_ => connection);
        builder.Services.AddTimelineIdentity();
        await using var app = builder.Build();
        DatabaseSetup.Migrate(connection);
        await IdentitySetup.EnsureRolesAndAdminAsync(app.Services, new ConfigurationBuilder().Build(), app.Logger);
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdmin>().CreateAsync(null, email, password, roles);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) Console.Error.WriteLine(e.Description);
            return 1;
        }
        Console.WriteLine($"Created {email} with the role(s) {string.Join(", ", roles)}.");
        return 0;
    }

    private static string Prompt(string text)
    {
        Console.Write(text);
        if (Console.IsInputRedirected) return Console.ReadLine() ?? "";
        var chars = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace && chars.Length > 0) chars.Length--;
            else if (!char.IsControl(key.KeyChar)) chars.Append(key.KeyChar);
        }
        Console.WriteLine();
        return chars.ToString();
    }
}
