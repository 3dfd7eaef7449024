namespace ShoppableVideo.Api.Net;

/// <summary>An outbound connection this server will not open: the host resolves to an address that is
/// not on the public internet.</summary>
public sealed class PrivateAddressRefusedException(string reason) : Exception(reason)
{
    /// <summary>The refusal somewhere in an HttpClient exception's chain (the connect step's exception
    /// arrives wrapped), or null.</summary>
    public static PrivateAddressRefusedException? FoundIn(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner is PrivateAddressRefusedException refused)
                return refused;
        return null;
    }
}
