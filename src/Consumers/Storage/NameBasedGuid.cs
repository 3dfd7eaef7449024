using System.Security.Cryptography;
using System.Text;

namespace ShoppableVideo.Consumers.Storage;

/// <summary>A Guid derived from a name: the same name always gives the same id. Saga correlation ids
/// are made this way so a repeated event names the saga that already exists.</summary>
public static class NameBasedGuid
{
    public static Guid From(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}
