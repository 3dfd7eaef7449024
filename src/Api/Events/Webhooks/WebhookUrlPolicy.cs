namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>Which subscriber URLs this server accepts. The addresses they resolve to are checked when
/// connecting (<see cref="Net.OutboundHttpHandler"/>), where DNS rebinding cannot get round it.</summary>
public static class WebhookUrlPolicy
{
    /// <summary>Null when the URL may be subscribed, else why not.</summary>
    public static string? Refusal(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return "the url must be an absolute http or https URL";
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            return $"the url scheme '{uri.Scheme}' is not allowed; use http or https";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return "the url must not carry credentials";
        return null;
    }

}
