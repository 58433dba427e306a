using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Timeline.Web.Account;

/// <summary>
/// Refuses passwords that length alone lets through but a guesser tries first: one character repeated
/// (<c>aaaaaaaaaaaa</c>), a plain sequence of the alphabet, the digits or a keyboard row (<c>abcdefghijkl</c>,
/// <c>123456789012</c>, <c>qwertyuiopas</c>), and the commonest passwords with digits or symbols around them
/// (<c>Password1234!</c>). Identity runs it wherever a password is set: the users page, the add-user verb, a reset.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<IdentityUser>
{
    /// <summary>Alphabet, digits and keyboard walks; a password inside one of them, either way round, is a sequence.</summary>
    private static readonly string[] Sequences =
    [
        "abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiopasdfghjklzxcvbnm", "qwertzuiopasdfghjklyxcvbnm", "azertyuiopqsdfghjklmwxcvbn",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "zaq1xsw2cde3vfr4bgt5nhy6mju7",
    ];

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user, string? password) =>
        Task.FromResult(Problem(password ?? "") is { } error ? IdentityResult.Failed(error) : IdentityResult.Success);

    public static IdentityError? Problem(string password)
    {
        var text = password.ToLowerInvariant();
        if (text.Length == 0) return null;
        if (text.All(c => c == text[0]))
            return new IdentityError { Code = "RepeatedCharacter", Description = "A password of one character repeated is guessed at once; choose a passphrase of several unrelated words." };
        if (IsSequence(text))
            return new IdentityError { Code = "Sequence", Description = "A plain sequence (abcdef…, 123456…, qwerty…) is guessed at once; choose a passphrase of several unrelated words." };
        var stem = text.Trim().Trim(NotLetters);
        if (Common.Value.Contains(stem))
            return new IdentityError { Code = "CommonPassword", Description = "This is one of the commonest passwords (digits or symbols around it do not help); choose a passphrase of several unrelated words." };
        return null;
    }

    // A sequence may wrap round ("7890123456"), so each is searched in three copies of itself.
    private static bool IsSequence(string text) =>
        Sequences.Any(s => string.Concat(s, s, s).Contains(text, StringComparison.Ordinal)
            || string.Concat(s, s, s).Contains(new string(text.Reverse().ToArray()), StringComparison.Ordinal));

    private static readonly char[] NotLetters = [.. Enumerable.Range(32, 95).Select(i => (char)i).Where(c => !char.IsAsciiLetter(c))];

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Timeline.Web.Account.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded in the app.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line);
        return set;
    }
}
