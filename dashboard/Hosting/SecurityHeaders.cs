namespace Analytics.Dashboard.Hosting;

/// <summary>
/// Security headers on every response. The Content-Security-Policy lets pages run only the dashboard's own script
/// files (no inline script at all: charts are drawn from JSON data islands, which browsers never run), and load
/// nothing from any other host. plotly.js writes style elements at run time, so styles allow 'unsafe-inline' (styles
/// cannot run code). Nothing in a page differs from one request to the next, so pages can be kept (SnapshotPageCache).
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
            "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        await next();
    });
}
