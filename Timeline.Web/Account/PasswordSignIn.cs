using Microsoft.AspNetCore.Identity;

namespace Timeline.Web.Account;

/// <summary>
/// Sign-in by email and password that answers an unknown email as slowly as a wrong password. Identity answers an
/// unknown name at once (about 5 ms against 100 ms for hashing the guess), which tells a guesser which emails have
/// accounts; here the guess is hashed against a dummy hash all the same, and the result is the same failure.
/// </summary>
public sealed class PasswordSignIn(SignInManager<IdentityUser> signIn, IPasswordHasher<IdentityUser> hasher)
{
    private static readonly IdentityUser Nobody = new("nobody");
    private static string? _dummyHash;

    public async Task<SignInResult> SignInAsync(string email, string password, bool remember)
    {
        var user = await signIn.UserManager.FindByNameAsync(email.Trim());
        if (user is null)
        {
            Spend(password);
            return SignInResult.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        // A locked account is refused before its password is hashed: spend the same time there too.
        if (result.IsLockedOut) Spend(password);
        return result;
    }

    private void Spend(string password)
    {
        // Made on first use with the app's own hasher, so it costs what a real account's check costs.
        _dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
    }
}
