namespace ShoppableVideo.Api.Tests.Events;

/// <summary>Reads a text/event-stream as a client would: fields until a blank line make one event;
/// comment lines (heartbeats) are skipped.</summary>
public sealed class ServerSentEventReader(Stream stream)
{
    readonly StreamReader reader = new(stream);

    public async Task<ServerSentEvent> NextAsync(CancellationToken ct)
    {
        string? id = null, type = null, data = null;
        while (true)
        {
            var line = await reader.ReadLineAsync(ct) ?? throw new EndOfStreamException("the event stream ended");
            if (line.Length == 0)
            {
                if (data is not null)
                    return new ServerSentEvent(id, type ?? "message", data);
                continue;
            }
            if (line.StartsWith(':'))
                continue;
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data = data is null ? value : data + "\n" + value; break;
            }
        }
    }

    /// <summary>Skips events until one matches.</summary>
    public async Task<ServerSentEvent> FirstAsync(Func<ServerSentEvent, bool> match, CancellationToken ct)
    {
        while (true)
            if (await NextAsync(ct) is var next && match(next))
                return next;
    }
}
