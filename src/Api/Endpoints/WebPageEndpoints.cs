using ShoppableVideo.Api.Web;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>The pages people open: the console at <c>/</c>, the player at <c>/player/{id}</c>, and the
/// scripts and style sheets both load from <c>/assets</c>.</summary>
public static class WebPageEndpoints
{
    public static IEndpointRouteBuilder MapWebPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Asset(WebAssets.ConsolePage))
            .WithName("GetConsolePage")
            .WithSummary("The web console: videos with live progress, catalog batches, product search, uploads and the embed snippet.");

        // Always the page, whatever the id: the page itself asks the API and says "not found", not
        // ready or failed, so one URL shape serves every state.
        app.MapGet("/player/{id}", () => Asset(WebAssets.PlayerPage))
            .WithName("GetPlayerPage")
            .WithSummary("The shoppable player page: the video with product hotspots, shot markers and a product tray.");

        app.MapGet("/assets/{name}", (string name) => Asset(name))
            .ExcludeFromDescription();
        return app;
    }

    static IResult Asset(string name)
    {
        if (WebAssets.Find(name) is not { } asset)
            return ApiProblems.NotFound($"No web asset '{name}'.");
        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
