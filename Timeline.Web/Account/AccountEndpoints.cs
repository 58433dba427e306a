using Microsoft.AspNetCore.Identity;

namespace Timeline.Web.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A POST with the antiforgery token (forms render it): a link or an image cannot sign anyone out.
        // Binding a form field makes the endpoint validate the antiforgery token.
        app.MapPost("/account/logout", async (SignInManager<IdentityUser> signIn, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        });
        return app;
    }
}
