namespace Timeline.Web.Account;

/// <summary>Where to send someone after signing in or out: a path of this site, or home.</summary>
public static class LocalUrl
{
    /// <summary>
    /// The URL when it is a path of this site, else "/". <c>//evil.example</c> and <c>/\evil.example</c> are not: browsers
    /// read both as another host. (ASP.NET Core's LocalRedirect throws on them, which answered 500.)
    /// </summary>
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl) ? url : "/";
}
