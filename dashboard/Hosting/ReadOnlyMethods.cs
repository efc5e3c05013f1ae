namespace Analytics.Dashboard.Hosting;

/// <summary>
/// The dashboard only reads: every address answers GET and HEAD, and any other method (POST, PUT, PATCH, DELETE,
/// TRACE...) gets 405 with the methods it allows, before routing, so a request nobody handles is never an error to log.
/// </summary>
public static class ReadOnlyMethods
{
    public static IApplicationBuilder UseReadOnlyMethods(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await next();
            return;
        }
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = "GET, HEAD";
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("This service only answers GET and HEAD requests.");
    });
}
