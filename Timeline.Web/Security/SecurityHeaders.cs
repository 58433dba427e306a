using Scalar.AspNetCore;
using Timeline.Web.Api;

namespace Timeline.Web.Security;

/// <summary>
/// Response headers that make the browser refuse what the app never does: framing, sniffing, foreign
/// scripts. The policy allows inline styles only, because MudBlazor and vis-timeline set style attributes.
/// It is the only policy sent (Program.cs turns off the frame-ancestors policy Blazor's interactive server
/// endpoints would add: two policies both apply, so the stricter parts of each would combine unseen), and
/// <c>connect-src 'self'</c> covers the circuit's WebSocket: CSP Level 3 lets 'self' match ws: and wss: on
/// the page's own host, where the old <c>ws: wss:</c> allowed a socket to any host.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        if (context.Request.Path.StartsWithSegments(ApiDocument.ReferencePath))
            context.Response.OnStarting(() =>
            {
                // Scalar's reference page starts itself with one inline module script, marked with a nonce Scalar makes
                // per request: that script, and no other inline one, may run on this page.
                if (context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce)
                    headers.ContentSecurityPolicy = ContentSecurityPolicy.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal);
                return Task.CompletedTask;
            });
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        await next();
    });
}
