namespace ShoppableVideo.Api.Events.Webhooks;

static class WebhookErrors
{
    /// <summary>HttpClient wraps the useful part ("Connection refused", our private-address refusal) in
    /// a generic outer message; the delivery log shows the whole chain.</summary>
    public static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
            if (!messages.Contains(current.Message))
                messages.Add(current.Message);
        return string.Join(" → ", messages);
    }
}
